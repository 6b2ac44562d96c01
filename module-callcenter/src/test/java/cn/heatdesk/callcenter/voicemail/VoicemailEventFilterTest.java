package cn.heatdesk.callcenter.voicemail;

import cn.heatdesk.callcenter.bundle.AmiEventFilter;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Record()'s variables reach HeatDesk: Asterisk's eventfilter keeps them, and only them go to the recorder. */
class VoicemailEventFilterTest {

    @Test
    void theGatewaysEventFilterKeepsRecordsVariables() {
        Pattern dropped = Pattern.compile(AmiEventFilter.droppedVariablesRegex());
        assertThat(dropped.matcher(VoicemailRecorder.RECORDED_FILE).find()).isFalse();
        assertThat(dropped.matcher(VoicemailRecorder.RECORD_STATUS).find()).isFalse();
        // neighbours stay dropped
        assertThat(dropped.matcher("RECORDED_FILES").find()).isTrue();
        assertThat(dropped.matcher("RECORD").find()).isTrue();
    }

    @Test
    void theRecorderWantsOnlyRecordsVariablesAndHangups() {
        VoicemailRecorder r = new VoicemailRecorder(null, null, null, null, null, 0, 0);
        VarSetEvent file = new VarSetEvent("t");
        file.setVariable("RECORDED_FILE");
        VarSetEvent other = new VarSetEvent("t");
        other.setVariable("BRIDGEPEER");
        assertThat(r.wants(file)).isTrue();
        assertThat(r.wants(other)).isFalse();
        assertThat(r.wants(new HangupEvent("t"))).isTrue();
        assertThat(r.eventTypes()).containsExactlyInAnyOrder(VarSetEvent.class, HangupEvent.class);
    }
}
