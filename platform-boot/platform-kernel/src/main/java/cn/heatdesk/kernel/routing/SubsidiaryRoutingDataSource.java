package cn.heatdesk.kernel.routing;

import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

import java.util.Map;

/**
 * Routes each new connection to the database of {@link SubsidiaryRouting#currentSubsidiary()}; subsidiaries
 * without their own database (all of them by default) use the shared one. A transaction keeps the
 * connection it started with, so one transaction never spans two subsidiaries' databases.
 */
public class SubsidiaryRoutingDataSource extends AbstractRoutingDataSource {

    private Map<Object, Object> subsidiaryTargets = Map.of();

    /** The subsidiaries that have their own database (also handed to {@link #setTargetDataSources}). */
    public void setSubsidiaryTargets(Map<Object, Object> targets) {
        this.subsidiaryTargets = Map.copyOf(targets);
        setTargetDataSources(targets);
    }

    public Map<Object, Object> subsidiaryTargets() {
        return subsidiaryTargets;
    }

    @Override
    protected Object determineCurrentLookupKey() {
        return SubsidiaryRouting.currentSubsidiary();
    }
}
