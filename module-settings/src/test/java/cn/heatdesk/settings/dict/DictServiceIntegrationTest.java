package cn.heatdesk.settings.dict;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.settings.api.DictItemOption;
import cn.heatdesk.settings.api.DictionaryApi;
import cn.heatdesk.settings.api.SettingChangeRecorder;
import cn.heatdesk.settings.changelog.ChangeLogService;
import cn.heatdesk.settings.changelog.SettingChangeLogDetail;
import cn.heatdesk.settings.changelog.SettingChangeLogFilter;
import cn.heatdesk.settings.changelog.SettingChangeLogView;
import cn.heatdesk.settings.changelog.testapp.SettingsIntegrationTest;
import cn.heatdesk.settings.dict.DictViews.ItemView;
import cn.heatdesk.settings.dict.DictViews.TypeView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DictServiceIntegrationTest extends SettingsIntegrationTest {

    @Autowired
    DictService dicts;
    @Autowired
    DictionaryApi dictionary;
    @Autowired
    ChangeLogService changeLogs;
    @Autowired
    DictTypeMapper typeMapper;
    @Autowired
    DictItemMapper itemMapper;
    @Autowired
    JdbcTemplate jdbc;

    private static BizException biz(Runnable r) {
        try {
            r.run();
        } catch (BizException e) {
            return e;
        }
        throw new AssertionError("expected a BizException");
    }

    private TypeView newType(String code) {
        return asAdmin(() -> dicts.createType(new DictRequests.CreateType(code, "测试字典" + code, null, true, null)));
    }

    private ItemView newItem(String type, String code, int sort) {
        return asAdmin(() -> dicts.createItem(new DictRequests.CreateItem(type, code, "项" + code, sort, null, null, true, null)));
    }

    private List<SettingChangeLogView> logsOf(String kind, long id) {
        PageQuery q = new PageQuery();
        q.setSize(100);
        q.setSort("createdAt");
        q.setOrder("asc");
        return asAdmin(() -> changeLogs.list(new SettingChangeLogFilter(kind, id, null, null, null, null, null), q)).records()
                .stream().sorted(Comparator.comparing(SettingChangeLogView::id)).toList();
    }

    @Test
    void seedHasTheEightBuiltinTicketTypes() {
        List<DictItemOption> types = dictionary.items("ticket_type");
        assertThat(types).extracting(DictItemOption::code).containsExactly("REPAIR", "COMPLAINT", "INQUIRY", "SUSPENSION",
                "TEMP_CHECK", "PAYMENT_REMINDER", "SUPERVISION", "OVER_LEVEL_COMPLAINT");
        assertThat(dictionary.label("ticket_type", "OVER_LEVEL_COMPLAINT")).isEqualTo("越级投诉");
        assertThat(dictionary.items("ticket_source")).extracting(DictItemOption::code).contains("HOTLINE_12345", "WALK_IN");
        assertThat(dictionary.items("ticket_urgency")).hasSize(3);
        assertThat(dictionary.items("heating_status")).hasSize(3);
        assertThat(dictionary.items("busy_reason")).isNotEmpty();
        assertThat(dictionary.items("break_reason")).isNotEmpty();
    }

    @Test
    void builtinItemCannotBeDeletedButCanBeDisabled() {
        long repair = 1000L; // seed: ticket_type / REPAIR
        BizException e = biz(() -> asAdmin(() -> dicts.deleteItem(repair, DictRequests.State.NONE)));
        assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(e.getMessage()).contains("报修").contains("不能删除");
        assertThat(dictionary.label("ticket_type", "REPAIR")).isEqualTo("报修");
        // builtin types can be neither deleted nor disabled
        assertThat(biz(() -> asAdmin(() -> dicts.deleteType(100L, DictRequests.State.NONE))).code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(biz(() -> asAdmin(() -> dicts.setTypeEnabled(100L, false, DictRequests.State.NONE))).code()).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void duplicateAndMalformedCodesAreRefusedNamingTheField() {
        String type = unique("dup");
        newType(type);
        BizException dupType = biz(() -> newType(type));
        assertThat(dupType.code()).isEqualTo(ErrorCode.DUPLICATE);
        assertThat(dupType.field()).isEqualTo("typeCode");

        newItem(type, "A1", 1);
        BizException dupItem = biz(() -> newItem(type, "A1", 2));
        assertThat(dupItem.code()).isEqualTo(ErrorCode.DUPLICATE);
        assertThat(dupItem.field()).isEqualTo("itemCode");
        assertThat(dupItem.getMessage()).contains("A1");
        // the same code under another type is fine
        String other = unique("dup");
        newType(other);
        newItem(other, "A1", 1);

        BizException bad = biz(() -> newItem(type, "has space", 1));
        assertThat(bad.code()).isEqualTo(ErrorCode.VALIDATION);
        assertThat(bad.field()).isEqualTo("itemCode");
        assertThat(biz(() -> newItem(type, "x".repeat(65), 1)).field()).isEqualTo("itemCode");
        assertThat(biz(() -> newType("中文编码")).field()).isEqualTo("typeCode");
    }

    @Test
    void typeWithItemsCannotBeDeleted() {
        String type = unique("del");
        TypeView t = newType(type);
        ItemView i = newItem(type, "X", 1);
        BizException e = biz(() -> asAdmin(() -> dicts.deleteType(t.id(), DictRequests.State.NONE)));
        assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(e.getMessage()).contains("还有 1 个字典项");
        asAdmin(() -> dicts.deleteItem(i.id(), DictRequests.State.NONE));
        asAdmin(() -> dicts.deleteType(t.id(), DictRequests.State.NONE));
        assertThat(biz(() -> dicts.getType(t.id())).code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void dropDownShowsEnabledItemsInOrderAndRequireValidNamesTheField() {
        String type = unique("dd");
        TypeView t = newType(type);
        newItem(type, "B", 20);
        ItemView a = newItem(type, "A", 10);
        newItem(type, "C", 30);
        assertThat(dictionary.items(type)).extracting(DictItemOption::code).containsExactly("A", "B", "C");

        asAdmin(() -> dicts.setItemEnabled(a.id(), false, DictRequests.State.NONE));
        assertThat(dictionary.items(type)).extracting(DictItemOption::code).containsExactly("B", "C");
        assertThat(dictionary.label(type, "A")).isEqualTo("项A"); // old records keep their label
        assertThat(dictionary.labels(type)).containsKeys("A", "B", "C");
        assertThat(dictionary.requireValid(type, "B", "sourceCode")).isEqualTo("项B");

        BizException disabled = biz(() -> dictionary.requireValid(type, "A", "sourceCode"));
        assertThat(disabled.code()).isEqualTo(ErrorCode.VALIDATION);
        assertThat(disabled.field()).isEqualTo("sourceCode");
        assertThat(disabled.getMessage()).contains("已停用");
        BizException unknown = biz(() -> dictionary.requireValid(type, "ZZ", "sourceCode"));
        assertThat(unknown.field()).isEqualTo("sourceCode");
        assertThat(unknown.getMessage()).contains("ZZ").contains("不存在");
        assertThat(biz(() -> dictionary.requireValid(type, null, "sourceCode")).getMessage()).startsWith("请选择");
        assertThat(biz(() -> dictionary.requireValid("no_such_type", "A", "sourceCode")).field()).isEqualTo("sourceCode");

        // a disabled type offers nothing
        asAdmin(() -> dicts.setTypeEnabled(t.id(), false, DictRequests.State.NONE));
        assertThat(dictionary.items(type)).isEmpty();
        assertThat(biz(() -> dictionary.requireValid(type, "B", "sourceCode")).field()).isEqualTo("sourceCode");
    }

    @Test
    void aChangeMadeOnAnotherInstanceIsSeenOnceTheCachedCopyExpires() throws InterruptedException {
        String type = unique("ttl");
        newType(type);
        newItem(type, "A", 10);
        DictLookup other = new DictLookup(typeMapper, itemMapper, Duration.ofMillis(300));
        DictLookup uncached = new DictLookup(typeMapper, itemMapper, Duration.ZERO);
        assertThat(other.label(type, "A")).isEqualTo("项A");

        // another instance renames the item: this one has no commit hook for it
        jdbc.update("UPDATE dict_item SET item_label = ? WHERE type_code = ? AND item_code = ?", "改名A", type, "A");
        assertThat(other.label(type, "A")).isEqualTo("项A");
        assertThat(uncached.label(type, "A")).isEqualTo("改名A");
        long until = System.currentTimeMillis() + 10_000;
        while (!"改名A".equals(other.label(type, "A")) && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        assertThat(other.label(type, "A")).isEqualTo("改名A");
    }

    @Test
    void staleRowVersionIsAConflict() {
        String type = unique("ver");
        TypeView t = newType(type);
        asAdmin(() -> dicts.updateType(t.id(), new DictRequests.UpdateType("新名称", null, t.rowVersion(), null)));
        BizException e = biz(() -> asAdmin(() -> dicts.updateType(t.id(), new DictRequests.UpdateType("再改", null, t.rowVersion(), null))));
        assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(dicts.getType(t.id()).typeName()).isEqualTo("新名称");
    }

    @Test
    void listIsPagedAndFiltered() {
        String prefix = unique("pg");
        for (int i = 0; i < 3; i++) {
            newType(prefix + "_" + i);
        }
        PageQuery q = new PageQuery();
        q.setSize(2);
        q.setSort("typeCode");
        PageResult<TypeView> page = asAdmin(() -> dicts.listTypes(prefix.toUpperCase(), true, q));
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.records()).hasSize(2).extracting(TypeView::typeCode).containsExactly(prefix + "_0", prefix + "_1");
        assertThat(asAdmin(() -> dicts.listTypes(prefix, false, new PageQuery())).total()).isZero();
        PageResult<TypeView> builtin = asAdmin(() -> dicts.listTypes("ticket_type", null, new PageQuery()));
        assertThat(builtin.records().get(0).itemCount()).isEqualTo(8);
        assertThat(builtin.records().get(0).builtin()).isTrue();
        PageQuery bad = new PageQuery();
        bad.setSort("type_code; DROP TABLE dict_type");
        assertThat(biz(() -> dicts.listTypes(null, null, bad)).field()).isEqualTo("sort");
    }

    @Test
    void everyChangeIsLoggedWithBeforeAndAfter() {
        String type = unique("log");
        TypeView t = newType(type);
        TypeView t2 = asAdmin(() -> dicts.updateType(t.id(), new DictRequests.UpdateType("改名", "备注", t.rowVersion(), "改名原因")));
        asAdmin(() -> dicts.setTypeEnabled(t.id(), false, new DictRequests.State(t2.rowVersion(), null)));
        asAdmin(() -> dicts.setTypeEnabled(t.id(), true, DictRequests.State.NONE));
        ItemView i = newItem(type, "I1", 1);
        asAdmin(() -> dicts.updateItem(i.id(), new DictRequests.UpdateItem("新标签", 5, "danger", null, i.rowVersion(), null)));
        asAdmin(() -> dicts.setItemEnabled(i.id(), false, DictRequests.State.NONE));
        asAdmin(() -> dicts.deleteItem(i.id(), new DictRequests.State(null, "不再使用")));
        asAdmin(() -> dicts.deleteType(t.id(), DictRequests.State.NONE));

        List<SettingChangeLogView> typeLogs = logsOf(SettingChangeRecorder.DICT_TYPE, t.id());
        assertThat(typeLogs).extracting(SettingChangeLogView::changeKind)
                .containsExactly("CREATE", "UPDATE", "DISABLE", "ENABLE", "DELETE");
        assertThat(typeLogs.get(1).reason()).isEqualTo("改名原因");
        assertThat(typeLogs).allSatisfy(l -> {
            assertThat(l.createdBy()).isEqualTo(ADMIN.userId());
            assertThat(l.createdByName()).isEqualTo("系统管理员");
        });
        SettingChangeLogDetail created = asAdmin(() -> changeLogs.detail(typeLogs.get(0).id()));
        assertThat(created.before()).isNull();
        assertThat(created.after().get("typeCode").asText()).isEqualTo(type);
        SettingChangeLogDetail renamed = asAdmin(() -> changeLogs.detail(typeLogs.get(1).id()));
        assertThat(renamed.before().get("typeName").asText()).isEqualTo("测试字典" + type);
        assertThat(renamed.after().get("typeName").asText()).isEqualTo("改名");
        assertThat(renamed.after().get("rowVersion").asInt()).isEqualTo(renamed.before().get("rowVersion").asInt() + 1);
        assertThat(renamed.after().get("id").isTextual()).isTrue(); // ids as strings
        SettingChangeLogDetail deleted = asAdmin(() -> changeLogs.detail(typeLogs.get(4).id()));
        assertThat(deleted.before().get("typeName").asText()).isEqualTo("改名");
        assertThat(deleted.after()).isNull();

        List<SettingChangeLogView> itemLogs = logsOf(SettingChangeRecorder.DICT_ITEM, i.id());
        assertThat(itemLogs).extracting(SettingChangeLogView::changeKind).containsExactly("CREATE", "UPDATE", "DISABLE", "DELETE");
        assertThat(itemLogs.get(3).reason()).isEqualTo("不再使用");
        assertThat(itemLogs.get(1).entityLabel()).contains("新标签").contains("I1");
        SettingChangeLogDetail itemUpdate = asAdmin(() -> changeLogs.detail(itemLogs.get(1).id()));
        assertThat(itemUpdate.before().get("itemLabel").asText()).isEqualTo("项I1");
        assertThat(itemUpdate.after().get("tagColor").asText()).isEqualTo("danger");
    }

    @Test
    void unchangedEnableIsNotLogged() {
        String type = unique("noop");
        TypeView t = newType(type);
        asAdmin(() -> dicts.setTypeEnabled(t.id(), true, DictRequests.State.NONE));
        assertThat(logsOf(SettingChangeRecorder.DICT_TYPE, t.id())).hasSize(1);
    }
}
