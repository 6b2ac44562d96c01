package cn.heatdesk.kernel.audit;

/**
 * Outcome of {@link AuditChainVerifier#verify()}.
 *
 * @param ok             true when the whole chain is intact
 * @param checkedRows    rows read and checked
 * @param firstBrokenSeq seq of the first row where the chain breaks (for a deleted row: the seq that is missing)
 * @param firstBrokenId  id of that row, when there is one (null for a missing row at the end of the chain)
 * @param reason         Chinese explanation for people, null when ok
 * @param problem        machine-readable kind of break, null when ok
 */
public record AuditVerifyResult(boolean ok, long checkedRows, Long firstBrokenSeq, Long firstBrokenId,
                                String reason, Problem problem) {

    public enum Problem {
        /** a field of the row (or its stored hash) no longer matches its hash */
        MODIFIED("row modified"),
        /** a seq is missing: the row was deleted */
        MISSING("row deleted"),
        /** a row that was never appended through the chain (seq out of range or duplicated) */
        INSERTED("row inserted"),
        /** prev_hash does not point at the previous row's hash */
        LINK_BROKEN("chain link broken"),
        /** the chain head does not match the last row (rows removed from the end, or head edited) */
        HEAD_MISMATCH("chain head mismatch");

        private final String english;

        Problem(String english) {
            this.english = english;
        }

        public String english() {
            return english;
        }
    }

    static AuditVerifyResult intact(long checkedRows) {
        return new AuditVerifyResult(true, checkedRows, null, null, null, null);
    }

    static AuditVerifyResult broken(long checkedRows, Long seq, Long id, Problem problem, String reason) {
        return new AuditVerifyResult(false, checkedRows, seq, id, reason, problem);
    }
}
