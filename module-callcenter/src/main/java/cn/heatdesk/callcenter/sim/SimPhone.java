package cn.heatdesk.callcenter.sim;

/** A PJSIP endpoint (agent phone or trunk) with its registration. */
final class SimPhone {
    final String ext;
    final String callerIdName;
    boolean registered = true;
    /** answer incoming calls automatically after this many ms; negative = only when the test answers */
    long autoAnswerMs = -1;
    /** never answer (SIPp UAS that only rings) */
    boolean neverAnswer;

    SimPhone(String ext, String callerIdName) {
        this.ext = ext;
        this.callerIdName = callerIdName;
    }
}
