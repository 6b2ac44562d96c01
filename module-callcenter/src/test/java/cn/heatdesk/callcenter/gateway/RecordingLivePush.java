package cn.heatdesk.callcenter.gateway;

import cn.heatdesk.notice.api.LivePush;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records live pushes instead of writing them to browsers. */
public class RecordingLivePush implements LivePush {

    public record Pushed(String topic, Collection<Long> userIds, Object payload) {
    }

    public final List<Pushed> pushed = new CopyOnWriteArrayList<>();

    @Override
    public void broadcast(String topic, Object payload) {
        pushed.add(new Pushed(topic, null, payload));
    }

    @Override
    public void toUsers(Collection<Long> userIds, String topic, Object payload) {
        pushed.add(new Pushed(topic, List.copyOf(userIds), payload));
    }
}
