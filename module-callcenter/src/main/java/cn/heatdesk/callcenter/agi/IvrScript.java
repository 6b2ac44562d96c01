package cn.heatdesk.callcenter.agi;

import cn.heatdesk.callcenter.ivr.IvrAction;
import cn.heatdesk.callcenter.ivr.IvrService;
import cn.heatdesk.callcenter.ivr.IvrTree;
import cn.heatdesk.callcenter.ivr.IvrWalker;
import cn.heatdesk.callcenter.ivr.SelfService;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * {@code AGI(agi://heatdesk/ivr?gw=<gateway code>)}: walks the hotline's menu (docs/ivr.md) and tells the dialplan
 * where the caller goes: IVR_ACTION = QUEUE (IVR_QUEUE = queue name), VOICEMAIL or HANGUP, IVR_PATH = keys pressed.
 * The hotline is the called number (agi_dnid). No menu for the hotline: nothing is set and the dialplan plays its
 * static menu.
 * <p>
 * {@code ivr?choice=N} (the reference dialplan, after its own BackGround/WaitExten) keeps its old meaning: IVR_CHOICE
 * is set to N, and when the hotline has a menu whose root key N ends the walk, IVR_ACTION/IVR_QUEUE say where; no
 * prompt is played, so the answer takes one round trip.
 */
@Component
public class IvrScript implements CallCenterAgiScript {

    private static final Logger log = LoggerFactory.getLogger(IvrScript.class);

    private final IvrService menus;
    private final SelfService selfService;

    public IvrScript(IvrService menus, SelfService selfService) {
        this.menus = menus;
        this.selfService = selfService;
    }

    @Override
    public String scriptName() {
        return "ivr";
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        String choice = blankToNull(request.getParameter("choice"));
        String hotline = hotline(request);
        Optional<IvrTree> tree;
        try {
            tree = menus.tree(blankToNull(request.getParameter("gw")), hotline);
        } catch (RuntimeException e) {
            // the dialplan's static menu serves the caller; better than a dead line
            log.error("loading the IVR menu of hotline {} failed", hotline, e);
            tree = Optional.empty();
        }
        if (choice != null) {
            channel.setVariable("IVR_CHOICE", choice);
            if (tree.isPresent()) {
                preChosen(tree.get(), choice, channel);
            }
            return;
        }
        if (tree.isEmpty()) {
            channel.verbose("no IVR menu for hotline " + hotline, 1);
            return;
        }
        IvrTree t = tree.get();
        String caller = request.getCallerIdNumber();
        IvrWalker.Outcome o;
        try {
            o = IvrWalker.walk(t, null, LocalDateTime.now(), new IvrWalker.Io() {
                @Override
                public String getData(String prompt, long timeoutMs) {
                    String r = agi(() -> channel.getData(prompt, timeoutMs, 1));
                    return r == null || r.startsWith("-") ? null : r;
                }

                @Override
                public void play(String prompt) {
                    agi(() -> {
                        channel.streamFile(prompt);
                        return null;
                    });
                }

                @Override
                public void selfService() {
                    agi(() -> {
                        selfService.announce(channel, caller);
                        return null;
                    });
                }
            });
        } catch (Unchecked u) {
            if (u.getCause() instanceof AgiHangupException) {
                return;
            }
            throw u.getCause();
        }
        if (o.hungUp()) {
            return;
        }
        if (!o.keys().isEmpty()) {
            channel.setVariable("IVR_PATH", o.keys());
        }
        if (o.action() == IvrAction.QUEUE) {
            channel.setVariable("IVR_QUEUE", o.queue());
        }
        channel.setVariable("IVR_ACTION", o.action().name());
    }

    private static void preChosen(IvrTree t, String choice, AgiChannel channel) throws AgiException {
        IvrTree.Step s = t.node(t.rootNode()).keys().get(choice);
        if (s == null) {
            return;
        }
        String queue = switch (s.action()) {
            case QUEUE -> s.target();
            case OPERATOR -> t.operatorQueue();
            default -> null;
        };
        if (queue != null) {
            channel.setVariable("IVR_QUEUE", queue);
            channel.setVariable("IVR_ACTION", IvrAction.QUEUE.name());
        } else if (s.action() == IvrAction.VOICEMAIL || s.action() == IvrAction.HANGUP) {
            channel.setVariable("IVR_ACTION", s.action().name());
        }
    }

    /** the called hotline: agi_dnid, else the extension the call came in on */
    static String hotline(AgiRequest request) {
        String dnid = request.getDnid();
        if (dnid != null && !dnid.isBlank() && !"unknown".equalsIgnoreCase(dnid)) {
            return dnid.strip();
        }
        String ext = request.getExtension();
        return ext == null || ext.isBlank() || "s".equals(ext) ? null : ext.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private interface AgiCall<T> {
        T call() throws AgiException;
    }

    /** carries an AgiException through the walker's plain interface */
    private static final class Unchecked extends RuntimeException {
        Unchecked(AgiException e) {
            super(e);
        }

        @Override
        public synchronized AgiException getCause() {
            return (AgiException) super.getCause();
        }
    }

    private static <T> T agi(AgiCall<T> c) {
        try {
            return c.call();
        } catch (AgiException e) {
            throw new Unchecked(e);
        }
    }
}
