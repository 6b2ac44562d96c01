package cn.heatdesk.repair.mobile.sync;

/** Rows of the field app's reference tables (reasons, the group fill-back template). */
public final class ReferenceRows {

    private ReferenceRows() {
    }

    public static class Reason {
        public String listCode;
        public String itemCode;
        public String itemLabel;
    }

    /** options: comma-separated choices of a SELECT field */
    public static class Field {
        public String fieldCode;
        public String fieldLabel;
        public String fieldType;
        public int required;
        public String options;
    }
}
