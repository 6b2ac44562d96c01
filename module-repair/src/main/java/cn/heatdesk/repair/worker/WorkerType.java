package cn.heatdesk.repair.worker;

import java.util.Optional;

/** 维修员 handle repairs; 网格员 (grid workers) visit households of their area: temperatures, payments, notices. */
public enum WorkerType {
    REPAIR("维修员"),
    GRID("网格员");

    private final String label;

    WorkerType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<WorkerType> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        for (WorkerType t : values()) {
            if (t.name().equalsIgnoreCase(s.strip()) || t.label.equals(s.strip())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public static String labelOf(String code) {
        return parse(code).map(WorkerType::label).orElse(code);
    }
}
