package cn.heatdesk.callcenter.ivr;

import cn.heatdesk.callcenter.gateway.CallcenterScope;
import cn.heatdesk.callcenter.gateway.Gateway;
import cn.heatdesk.callcenter.gateway.GatewayMapper;
import cn.heatdesk.callcenter.gateway.GatewayService;
import cn.heatdesk.callcenter.gateway.QueueMapper;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.SecurityContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * IVR menus per hotline (语音导航, docs/ivr.md): CRUD of the whole tree with validation, and the compiled
 * {@link IvrTree} the FastAGI script walks. Compiled trees are cached per gateway/hotline; a save on this instance
 * drops them at once, other instances see it within {@code heatdesk.callcenter.ivr-cache-ttl} (10 s) so a key press
 * never waits on the database more than once per hotline and TTL.
 */
@Service
public class IvrService {

    static final int DEFAULT_TIMEOUT = 6;
    static final int DEFAULT_RETRIES = 2;
    static final String INVALID_PROMPT = "invalid";
    private static final Pattern PROMPT = Pattern.compile("^[A-Za-z0-9_\\-/.]{1,128}$");
    private static final Pattern HHMM = Pattern.compile("^([01][0-9]|2[0-4]):[0-5][0-9]$");
    private static final Set<IvrAction> END_ACTIONS = Set.of(IvrAction.MENU, IvrAction.QUEUE, IvrAction.OPERATOR,
            IvrAction.VOICEMAIL, IvrAction.HANGUP);

    private record Cached(Optional<IvrTree> tree, long loadedAt) {
    }

    private final IvrMapper menus;
    private final GatewayService gateways;
    private final GatewayMapper gatewayMapper;
    private final QueueMapper queues;
    private final IdGenerator ids;
    private final long ttlNanos;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public IvrService(IvrMapper menus, GatewayService gateways, GatewayMapper gatewayMapper, QueueMapper queues,
                      IdGenerator ids, @Value("${heatdesk.callcenter.ivr-cache-ttl:10s}") Duration ttl) {
        this.menus = menus;
        this.gateways = gateways;
        this.gatewayMapper = gatewayMapper;
        this.queues = queues;
        this.ids = ids;
        this.ttlNanos = ttl.toNanos();
    }

    // ------------------------------------------------------------------ console

    @Transactional(readOnly = true)
    public List<IvrViews.MenuView> list(Long gatewayId) {
        return menus.list(gatewayId).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public IvrViews.MenuView get(long id) {
        return view(scoped(id));
    }

    public List<IvrViews.ActionOption> actions() {
        return Arrays.stream(IvrAction.values()).map(a -> new IvrViews.ActionOption(a.name(), a.label(),
                a.needsTarget())).toList();
    }

    @Transactional
    public IvrViews.MenuView create(IvrRequests.MenuSave req) {
        CurrentUser me = SecurityContext.require();
        Gateway g = gateways.scoped(req.gatewayId());
        String hotline = req.hotline().strip();
        if (menus.selectByHotline(g.getId(), hotline) != null) {
            throw new BizException(ErrorCode.DUPLICATE, "网关“" + g.getGatewayName() + "”的热线 " + hotline + " 已有语音菜单",
                    "hotline");
        }
        validate(g, req);
        LocalDateTime now = LocalDateTime.now();
        IvrRows.Menu m = new IvrRows.Menu();
        m.id = ids.nextId();
        m.gatewayId = g.getId();
        m.subsidiaryId = g.getSubsidiaryId();
        m.orgPath = g.getOrgPath();
        m.rowVersion = 0;
        m.createdBy = me.userId();
        m.createdAt = now;
        fill(m, req, me, now);
        m.enabled = req.enabled() == null || req.enabled() ? 1 : 0;
        menus.insertMenu(m);
        writeChildren(m, req);
        cache.clear();
        return view(menus.selectById(m.id));
    }

    @Transactional
    public IvrViews.MenuView update(long id, IvrRequests.MenuSave req) {
        CurrentUser me = SecurityContext.require();
        IvrRows.Menu m = scoped(id);
        if (req.rowVersion() == null || !Objects.equals(req.rowVersion(), m.rowVersion)) {
            throw BizException.conflict("语音菜单已被他人修改，请刷新后重试");
        }
        if (!Objects.equals(req.gatewayId(), m.gatewayId)) {
            throw BizException.invalid("gatewayId", "语音菜单不能改到其他网关");
        }
        Gateway g = gateways.scoped(m.gatewayId);
        String hotline = req.hotline().strip();
        IvrRows.Menu other = menus.selectByHotline(g.getId(), hotline);
        if (other != null && !other.id.equals(m.id)) {
            throw new BizException(ErrorCode.DUPLICATE, "该网关的热线 " + hotline + " 已有语音菜单", "hotline");
        }
        validate(g, req);
        fill(m, req, me, LocalDateTime.now());
        m.enabled = req.enabled() == null ? m.enabled : req.enabled() ? 1 : 0;
        if (menus.updateMenu(m) != 1) {
            throw BizException.conflict("语音菜单已被他人修改，请刷新后重试");
        }
        menus.deleteKeys(id);
        menus.deleteNodes(id);
        menus.deleteTimes(id);
        writeChildren(m, req);
        cache.clear();
        return view(menus.selectById(id));
    }

    @Transactional
    public void delete(long id) {
        scoped(id);
        menus.deleteKeys(id);
        menus.deleteNodes(id);
        menus.deleteTimes(id);
        menus.deleteMenu(id);
        cache.clear();
    }

    private IvrRows.Menu scoped(long id) {
        IvrRows.Menu m = menus.selectById(id);
        if (m == null) {
            throw BizException.notFound("语音菜单");
        }
        return m;
    }

    private void fill(IvrRows.Menu m, IvrRequests.MenuSave req, CurrentUser me, LocalDateTime now) {
        m.hotline = req.hotline().strip();
        m.menuName = req.menuName().strip();
        m.rootNode = req.rootNode().strip();
        m.operatorQueue = CallcenterScope.blankToNull(req.operatorQueue());
        IvrAction off = offAction(req);
        m.offHoursAction = off == null ? null : off.name();
        m.offHoursTarget = off == null || !off.needsTarget() ? null : req.offHoursTarget().strip();
        m.offHoursPrompt = off == null ? null : CallcenterScope.blankToNull(req.offHoursPrompt());
        m.remark = CallcenterScope.blankToNull(req.remark());
        m.updatedBy = me.userId();
        m.updatedAt = now;
    }

    private static IvrAction offAction(IvrRequests.MenuSave req) {
        String s = CallcenterScope.blankToNull(req.offHoursAction());
        return s == null ? null : IvrAction.parse(s).orElse(null);
    }

    /** every rule of docs/ivr.md; messages name the field as the console shows it (nodes[0].keys[1].target …) */
    private void validate(Gateway g, IvrRequests.MenuSave req) {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < req.nodes().size(); i++) {
            String code = req.nodes().get(i).code().strip();
            if (!codes.add(code)) {
                throw BizException.invalid("nodes[" + i + "].code", "节点编码“" + code + "”重复");
            }
        }
        if (!codes.contains(req.rootNode().strip())) {
            throw BizException.invalid("rootNode", "起始节点“" + req.rootNode().strip() + "”不在菜单节点中");
        }
        String operator = CallcenterScope.blankToNull(req.operatorQueue());
        if (operator != null) {
            requireQueue(g, operator, "operatorQueue");
        }
        for (int i = 0; i < req.nodes().size(); i++) {
            IvrRequests.NodeSave n = req.nodes().get(i);
            String at = "nodes[" + i + "]";
            prompt(n.prompt(), at + ".prompt", "提示音");
            prompt(n.invalidPrompt(), at + ".invalidPrompt", "无效按键提示音");
            prompt(n.timeoutPrompt(), at + ".timeoutPrompt", "超时提示音");
            if (CallcenterScope.blankToNull(n.failAction()) != null) {
                step(g, codes, operator, n.failAction(), n.failTarget(), at + ".failAction", at + ".failTarget",
                        "重试用尽后的动作", END_ACTIONS);
            }
            Set<String> digits = new HashSet<>();
            List<IvrRequests.KeySave> keys = n.keys() == null ? List.of() : n.keys();
            for (int k = 0; k < keys.size(); k++) {
                IvrRequests.KeySave key = keys.get(k);
                String kat = at + ".keys[" + k + "]";
                if (!digits.add(key.digit())) {
                    throw BizException.invalid(kat + ".digit", "节点“" + n.name() + "”的按键 " + key.digit() + " 重复");
                }
                step(g, codes, operator, key.action(), key.target(), kat + ".action", kat + ".target", "按键动作",
                        Set.of(IvrAction.values()));
            }
        }
        IvrAction off = null;
        if (CallcenterScope.blankToNull(req.offHoursAction()) != null) {
            off = step(g, codes, operator, req.offHoursAction(), req.offHoursTarget(), "offHoursAction",
                    "offHoursTarget", "非工作时间的动作", END_ACTIONS);
            prompt(req.offHoursPrompt(), "offHoursPrompt", "非工作时间提示音");
        }
        List<IvrRequests.WorkHours> hours = req.workHours() == null ? List.of() : req.workHours();
        for (int i = 0; i < hours.size(); i++) {
            IvrRequests.WorkHours w = hours.get(i);
            LocalTime start = time(w.start(), "workHours[" + i + "].start");
            LocalTime end = time(w.end(), "workHours[" + i + "].end");
            if (!end.isAfter(start) && !"24:00".equals(w.end().strip())) {
                throw BizException.invalid("workHours[" + i + "].end", "结束时间必须晚于开始时间");
            }
        }
        List<String> days = req.holidays() == null ? List.of() : req.holidays();
        for (int i = 0; i < days.size(); i++) {
            date(days.get(i), "holidays[" + i + "]");
        }
        if (off == null && (!hours.isEmpty() || !days.isEmpty())) {
            throw BizException.invalid("offHoursAction", "设置了工作时间或节假日，请选择非工作时间的动作");
        }
    }

    private IvrAction step(Gateway g, Set<String> codes, String operator, String actionText, String targetText,
                           String actionField, String targetField, String what, Set<IvrAction> allowed) {
        IvrAction a = IvrAction.parse(actionText).filter(allowed::contains).orElseThrow(() ->
                BizException.invalid(actionField, what + "只能是 " + String.join("、",
                        allowed.stream().sorted().map(IvrAction::label).toList())));
        String target = CallcenterScope.blankToNull(targetText);
        switch (a) {
            case MENU -> {
                if (target == null || !codes.contains(target.strip())) {
                    throw BizException.invalid(targetField, "子菜单必须是本菜单的节点编码");
                }
            }
            case QUEUE -> {
                if (target == null) {
                    throw BizException.invalid(targetField, "请选择队列");
                }
                requireQueue(g, target.strip(), targetField);
            }
            case OPERATOR -> {
                if (operator == null) {
                    throw BizException.invalid("operatorQueue", "使用“转人工”需先设置人工服务队列");
                }
            }
            default -> {
            }
        }
        return a;
    }

    private void requireQueue(Gateway g, String name, String field) {
        if (queues.selectByName(g.getId(), name) == null) {
            throw BizException.invalid(field, "网关“" + g.getGatewayName() + "”没有队列“" + name + "”");
        }
    }

    private static void prompt(String p, String field, String what) {
        if (p != null && !p.isBlank() && !PROMPT.matcher(p.strip()).matches()) {
            throw BizException.invalid(field, what + "应为 Asterisk 声音文件名（如 custom/welcome），只能含字母、数字和 _-/.");
        }
    }

    private static LocalTime time(String s, String field) {
        String v = s == null ? "" : s.strip();
        if (!HHMM.matcher(v).matches() || (v.startsWith("24") && !v.equals("24:00"))) {
            throw BizException.invalid(field, "时间格式应为 HH:mm（如 08:30）");
        }
        return v.equals("24:00") ? LocalTime.MAX : LocalTime.parse(v);
    }

    private static LocalDate date(String s, String field) {
        try {
            return LocalDate.parse(s == null ? "" : s.strip());
        } catch (DateTimeParseException e) {
            throw BizException.invalid(field, "节假日日期格式应为 yyyy-MM-dd");
        }
    }

    private void writeChildren(IvrRows.Menu m, IvrRequests.MenuSave req) {
        int sort = 0;
        for (IvrRequests.NodeSave n : req.nodes()) {
            IvrRows.Node row = new IvrRows.Node();
            row.id = ids.nextId();
            row.menuId = m.id;
            row.nodeCode = n.code().strip();
            row.nodeName = n.name().strip();
            row.prompt = n.prompt().strip();
            row.timeoutSeconds = n.timeoutSeconds() == null ? DEFAULT_TIMEOUT : n.timeoutSeconds();
            row.maxRetries = n.maxRetries() == null ? DEFAULT_RETRIES : n.maxRetries();
            row.invalidPrompt = n.invalidPrompt() == null ? INVALID_PROMPT : CallcenterScope.blankToNull(n.invalidPrompt());
            row.timeoutPrompt = CallcenterScope.blankToNull(n.timeoutPrompt());
            IvrAction fail = IvrAction.parse(n.failAction()).orElse(IvrAction.HANGUP);
            row.failAction = fail.name();
            row.failTarget = fail.needsTarget() ? n.failTarget().strip() : null;
            row.sortNo = sort++;
            row.subsidiaryId = m.subsidiaryId;
            row.orgPath = m.orgPath;
            menus.insertNode(row);
            for (IvrRequests.KeySave k : n.keys() == null ? List.<IvrRequests.KeySave>of() : n.keys()) {
                IvrRows.Key key = new IvrRows.Key();
                IvrAction a = IvrAction.parse(k.action()).orElseThrow();
                key.id = ids.nextId();
                key.menuId = m.id;
                key.nodeId = row.id;
                key.digit = k.digit();
                key.keyAction = a.name();
                key.keyTarget = a.needsTarget() ? k.target().strip() : null;
                key.label = CallcenterScope.blankToNull(k.label());
                key.subsidiaryId = m.subsidiaryId;
                key.orgPath = m.orgPath;
                menus.insertKey(key);
            }
        }
        for (IvrRequests.WorkHours w : req.workHours() == null ? List.<IvrRequests.WorkHours>of() : req.workHours()) {
            IvrRows.Time t = time(m, "WEEK");
            t.weekday = w.weekday();
            t.startTime = w.start().strip();
            t.endTime = w.end().strip();
            menus.insertTime(t);
        }
        for (String d : new TreeSet<>(req.holidays() == null ? List.<String>of() : req.holidays().stream().map(String::strip).toList())) {
            IvrRows.Time t = time(m, "HOLIDAY");
            t.holiday = LocalDate.parse(d);
            menus.insertTime(t);
        }
    }

    private IvrRows.Time time(IvrRows.Menu m, String kind) {
        IvrRows.Time t = new IvrRows.Time();
        t.id = ids.nextId();
        t.menuId = m.id;
        t.kind = kind;
        t.subsidiaryId = m.subsidiaryId;
        t.orgPath = m.orgPath;
        return t;
    }

    private IvrViews.MenuView view(IvrRows.Menu m) {
        List<IvrRows.Node> nodes = menus.nodes(m.id);
        Map<Long, List<IvrViews.KeyView>> keys = new HashMap<>();
        for (IvrRows.Key k : menus.keys(m.id)) {
            IvrAction a = IvrAction.parse(k.keyAction).orElse(IvrAction.HANGUP);
            keys.computeIfAbsent(k.nodeId, x -> new ArrayList<>())
                    .add(new IvrViews.KeyView(k.digit, a.name(), a.label(), k.keyTarget, k.label));
        }
        List<IvrRequests.WorkHours> hours = new ArrayList<>();
        List<String> holidays = new ArrayList<>();
        for (IvrRows.Time t : menus.times(m.id)) {
            if ("WEEK".equals(t.kind)) {
                hours.add(new IvrRequests.WorkHours(t.weekday, t.startTime, t.endTime));
            } else if (t.holiday != null) {
                holidays.add(t.holiday.toString());
            }
        }
        Gateway g = gatewayMapper.selectByIdsUnscoped(List.of(m.gatewayId)).stream().findFirst().orElse(null);
        return new IvrViews.MenuView(m.id, m.gatewayId, g == null ? null : g.getGatewayName(), m.hotline, m.menuName,
                m.rootNode, m.operatorQueue, m.offHoursAction, m.offHoursTarget, m.offHoursPrompt, hours, holidays,
                nodes.stream().map(n -> new IvrViews.NodeView(n.nodeCode, n.nodeName, n.prompt, n.timeoutSeconds,
                        n.maxRetries, n.invalidPrompt, n.timeoutPrompt, n.failAction, n.failTarget,
                        keys.getOrDefault(n.id, List.of()))).toList(),
                m.enabled != null && m.enabled == 1, m.remark, m.rowVersion == null ? 0 : m.rowVersion, m.updatedAt);
    }

    // ------------------------------------------------------------------ FastAGI

    /**
     * The enabled menu of a hotline, compiled. {@code gatewayCode} comes from the dialplan's AGI URL
     * ({@code ivr?gw=…}); without it a hotline served by exactly one gateway's menu is used.
     */
    public Optional<IvrTree> tree(String gatewayCode, String hotline) {
        if (hotline == null || hotline.isBlank()) {
            return Optional.empty();
        }
        String key = (gatewayCode == null ? "" : gatewayCode) + "|" + hotline;
        Cached c = cache.get(key);
        if (c == null || System.nanoTime() - c.loadedAt() > ttlNanos) {
            c = new Cached(load(gatewayCode, hotline), System.nanoTime());
            cache.put(key, c);
        }
        return c.tree();
    }

    private Optional<IvrTree> load(String gatewayCode, String hotline) {
        IvrRows.Menu m;
        if (gatewayCode != null && !gatewayCode.isBlank()) {
            Gateway g = gatewayMapper.selectByCode(gatewayCode);
            m = g == null ? null : menus.selectByHotline(g.getId(), hotline);
            if (m != null && (m.enabled == null || m.enabled != 1)) {
                m = null;
            }
        } else {
            List<IvrRows.Menu> all = menus.selectEnabledByHotline(hotline);
            m = all.size() == 1 ? all.get(0) : null;
        }
        return m == null ? Optional.empty() : Optional.of(compile(m, menus.nodes(m.id), menus.keys(m.id),
                menus.times(m.id)));
    }

    static IvrTree compile(IvrRows.Menu m, List<IvrRows.Node> nodes, List<IvrRows.Key> keys, List<IvrRows.Time> times) {
        Map<Long, Map<String, IvrTree.Step>> byNode = new HashMap<>();
        for (IvrRows.Key k : keys) {
            byNode.computeIfAbsent(k.nodeId, x -> new LinkedHashMap<>()).put(k.digit,
                    new IvrTree.Step(IvrAction.valueOf(k.keyAction), k.keyTarget));
        }
        Map<String, IvrTree.Node> out = new LinkedHashMap<>();
        for (IvrRows.Node n : nodes) {
            out.put(n.nodeCode, new IvrTree.Node(n.nodeCode, n.nodeName, n.prompt, n.timeoutSeconds * 1000L,
                    n.maxRetries, n.invalidPrompt, n.timeoutPrompt,
                    new IvrTree.Step(IvrAction.valueOf(n.failAction), n.failTarget),
                    Map.copyOf(byNode.getOrDefault(n.id, Map.of()))));
        }
        List<IvrTree.Window> windows = new ArrayList<>();
        Set<LocalDate> holidays = new HashSet<>();
        for (IvrRows.Time t : times) {
            if ("WEEK".equals(t.kind)) {
                windows.add(new IvrTree.Window(t.weekday, LocalTime.parse(t.startTime),
                        "24:00".equals(t.endTime) ? LocalTime.MAX : LocalTime.parse(t.endTime)));
            } else if (t.holiday != null) {
                holidays.add(t.holiday);
            }
        }
        IvrTree.Step off = m.offHoursAction == null ? null
                : new IvrTree.Step(IvrAction.valueOf(m.offHoursAction), m.offHoursTarget);
        return new IvrTree(m.id, m.gatewayId, m.hotline, m.rootNode, m.operatorQueue, off, m.offHoursPrompt, out,
                List.copyOf(windows), Set.copyOf(holidays), m.subsidiaryId);
    }
}
