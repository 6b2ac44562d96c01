package cn.heatdesk.notice.template;

import cn.heatdesk.db.liquibase.ChangelogLint;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The changelog is portable, and the seeded templates cover every event with IN_APP and SMS, use only the
 * parameters the event supplies, and give the field events app push and WeChat.
 */
class SeededTemplatesTest {

    static final String CHANGELOG = "db/changelog/notice/001-notice.xml";

    @Test
    void changelogIsPortable() {
        assertThat(ChangelogLint.lintClasspath(CHANGELOG)).isEmpty();
    }

    @Test
    void everyEventHasInAppAndSmsTemplatesUsingOnlyItsParams() throws Exception {
        Map<String, Set<String>> channels = new HashMap<>();
        Set<String> ids = new HashSet<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(CHANGELOG)) {
            NodeList inserts = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getElementsByTagName("insert");
            for (int i = 0; i < inserts.getLength(); i++) {
                Element ins = (Element) inserts.item(i);
                assertThat(ins.getAttribute("tableName")).isEqualTo("nt_template");
                Map<String, String> cols = new HashMap<>();
                NodeList cs = ins.getElementsByTagName("column");
                for (int j = 0; j < cs.getLength(); j++) {
                    Element c = (Element) cs.item(j);
                    cols.put(c.getAttribute("name"), c.hasAttribute("value") ? c.getAttribute("value") : c.getAttribute("valueNumeric"));
                }
                assertThat(ids.add(cols.get("id"))).as("unique id " + cols.get("id")).isTrue();
                String event = cols.get("event_code");
                NoticeEvents.EventInfo info = NoticeEvents.find(event);
                assertThat(info).as("event " + event + " is declared in NoticeEvents").isNotNull();
                assertThat(cols.get("event_name")).isEqualTo(info.name());
                for (String text : new String[]{cols.get("title_tpl"), cols.get("content_tpl")}) {
                    assertThat(info.params()).as(event + ": " + text).containsAll(TemplateRenderer.placeholders(text));
                }
                if (!"SMS".equals(cols.get("channel"))) {
                    assertThat(cols.get("title_tpl")).as(event + " " + cols.get("channel") + " title").isNotBlank();
                }
                assertThat(channels.computeIfAbsent(event, k -> new HashSet<>()).add(cols.get("channel")))
                        .as("one template per event and channel").isTrue();
            }
        }
        assertThat(channels.keySet()).containsExactlyInAnyOrderElementsOf(
                NoticeEvents.all().stream().map(NoticeEvents.EventInfo::code).toList());
        channels.forEach((event, ch) -> assertThat(ch).as(event).contains("IN_APP", "SMS"));
        for (String fieldEvent : new String[]{"TICKET_DISPATCHED", "TICKET_ASSIGNED", "TICKET_REASSIGNED", "TICKET_URGED"}) {
            assertThat(channels.get(fieldEvent)).contains("APP_PUSH", "WECHAT");
        }
    }
}
