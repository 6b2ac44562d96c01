package cn.heatdesk.callcenter.agi;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.springframework.stereotype.Component;

/**
 * 服务评价: {@code AGI(agi://heatdesk/survey?q1=${SURVEY_Q1})} after the agent hung up first. Question 1 was read by
 * the dialplan (Read); the script validates it (keys 1-5; another key is asked once more), asks question 2 (same
 * rule) and sets SURVEY_Q1 / SURVEY_Q2, which the call tracker stores on the call record from the VarSet events. An
 * answer that stays invalid is left empty (not rated) rather than guessed; silence (Read timed out for question 1)
 * means the caller declined and ends the survey at once.
 */
@Component
public class SurveyScript implements CallCenterAgiScript {

    static final String Q1_PROMPT = "custom/survey";
    static final String Q2_PROMPT = "custom/survey-q2";
    static final String INVALID = "custom/survey-invalid";
    static final String THANKS = "custom/survey-thanks";
    static final long TIMEOUT_MS = 6000;

    @Override
    public String scriptName() {
        return "survey";
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        String q1 = request.getParameter("q1");
        if (q1 == null || q1.isEmpty()) {
            // Read timed out: the caller does not take part; keep them no longer
            channel.verbose("survey declined", 1);
            return;
        }
        if (!valid(q1)) {
            channel.streamFile(INVALID);
            q1 = ask(channel, Q1_PROMPT, false);
        }
        channel.setVariable("SURVEY_Q1", q1 == null ? "" : q1);
        if (q1 == null) {
            return;
        }
        String q2 = ask(channel, Q2_PROMPT, true);
        channel.setVariable("SURVEY_Q2", q2 == null ? "" : q2);
        channel.streamFile(THANKS);
        channel.verbose("survey q1=" + q1 + " q2=" + (q2 == null ? "" : q2), 1);
    }

    /**
     * asks for one key 1-5; an invalid key is answered with {@link #INVALID} and asked once more when
     * {@code retry}; silence ends the question (null), as does a second invalid key
     */
    private static String ask(AgiChannel channel, String prompt, boolean retry) throws AgiException {
        for (int attempt = 0; attempt < (retry ? 2 : 1); attempt++) {
            if (attempt > 0) {
                channel.streamFile(INVALID);
            }
            String key = channel.getData(prompt, TIMEOUT_MS, 1);
            if (key == null || key.isEmpty() || key.startsWith("-")) {
                return null;
            }
            if (valid(key)) {
                return key;
            }
        }
        return null;
    }

    static boolean valid(String key) {
        return key != null && key.length() == 1 && key.charAt(0) >= '1' && key.charAt(0) <= '5';
    }
}
