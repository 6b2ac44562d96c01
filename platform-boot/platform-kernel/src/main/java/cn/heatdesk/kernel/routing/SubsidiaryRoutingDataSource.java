package cn.heatdesk.kernel.routing;

import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

/**
 * Routes each new connection to the database of {@link SubsidiaryRouting#currentSubsidiary()}; subsidiaries
 * without their own database (all of them by default) use the shared one. A transaction keeps the
 * connection it started with, so one transaction never spans two subsidiaries' databases.
 */
public class SubsidiaryRoutingDataSource extends AbstractRoutingDataSource {

    @Override
    protected Object determineCurrentLookupKey() {
        return SubsidiaryRouting.currentSubsidiary();
    }
}
