package cn.heatdesk.baseinfo.api;

/**
 * The billing system (经营计费) as HeatDesk reads it: incremental change feeds ordered by update time, then key.
 * HeatDesk ships an HTTP implementation (contract in docs/integrations/billing.md); a site with another interface
 * provides its own bean of this type.
 *
 * <p>Implementations throw an unchecked exception with a Chinese message when the system cannot be reached or
 * answers with an error; the pull then keeps its cursor and is tried again on the next run.
 */
public interface BillingSystemClient {

    /** households changed after {@code since}, at most {@code limit} */
    ChangePage<BillingHouseholdRecord> householdsChangedSince(ChangeCursor since, int limit);

    /** payments and refunds booked or changed after {@code since}, at most {@code limit} */
    ChangePage<BillingPaymentRecord> paymentsChangedSince(ChangeCursor since, int limit);
}
