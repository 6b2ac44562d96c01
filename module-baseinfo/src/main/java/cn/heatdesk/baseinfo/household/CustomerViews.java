package cn.heatdesk.baseinfo.household;

import cn.heatdesk.kernel.crypto.MaskType;
import cn.heatdesk.kernel.crypto.Masked;

import java.time.LocalDateTime;
import java.util.List;

/** What the console gets about customers; phone and ID numbers are masked for users without data:unmask. */
public final class CustomerViews {

    private CustomerViews() {
    }

    public record PhoneView(Long id, @Masked(MaskType.PHONE) String phone, String phoneKind, boolean primary,
                            String dataSource, String remark, LocalDateTime createdAt) {

        static PhoneView of(CustomerPhone p) {
            return new PhoneView(p.getId(), p.getPhone(), p.getPhoneKind(), p.getIsPrimary() != null && p.getIsPrimary() == 1,
                    p.getDataSource(), p.getRemark(), p.getCreatedAt());
        }
    }

    /**
     * @param billingOwnedFields request fields the console must show read-only (name, ID number) because the
     *                           billing system maintains this customer
     */
    public record CustomerView(Long id, String customerCode, String customerName, String namePy, String customerType,
                               @Masked(MaskType.ID_NUMBER) String idNumber, String contactPref, String contactTime,
                               boolean noDisturb, String remark, String dataSource, Long subsidiaryId, String orgPath,
                               Integer rowVersion, LocalDateTime createdAt, LocalDateTime updatedAt,
                               List<PhoneView> phones, List<String> billingOwnedFields) {

        static CustomerView of(Customer c, List<CustomerPhone> phones) {
            return new CustomerView(c.getId(), c.getCustomerCode(), c.getCustomerName(), c.getNamePy(),
                    c.getCustomerType(), c.getIdNumber(), c.getContactPref(), c.getContactTime(),
                    c.getNoDisturb() != null && c.getNoDisturb() == 1, c.getRemark(), c.getDataSource(),
                    c.getSubsidiaryId(), c.getOrgPath(), c.getRowVersion(), c.getCreatedAt(), c.getUpdatedAt(),
                    phones.stream().map(PhoneView::of).toList(),
                    BillingOwnedFields.BILLING.equals(c.getDataSource()) ? List.of("customerName", "idNumber") : List.of());
        }
    }

    /** a customer with the households it owns (those the user may see) */
    public record CustomerDetail(CustomerView customer, List<HouseholdView> households) {
    }
}
