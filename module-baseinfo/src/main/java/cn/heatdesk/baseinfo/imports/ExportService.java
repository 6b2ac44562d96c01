package cn.heatdesk.baseinfo.imports;

import cn.heatdesk.baseinfo.api.NodeType;
import cn.heatdesk.baseinfo.household.HouseholdWriter;
import cn.heatdesk.baseinfo.node.HeatNode;
import cn.heatdesk.baseinfo.node.NodeMapper;
import cn.heatdesk.kernel.crypto.Masking;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.security.PermissionCodes;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.settings.api.DictionaryApi;
import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;
import com.alibaba.excel.EasyExcel;
import com.alibaba.excel.ExcelWriter;
import com.alibaba.excel.write.metadata.WriteSheet;
import com.alibaba.excel.write.style.column.SimpleColumnWidthStyleStrategy;
import org.apache.ibatis.session.ResultContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Streams nodes, households or customers into an xlsx in exactly the import layout, so an export can be imported
 * again. Rows come from a MyBatis result handler (fetch size 1000, read-only transaction) and go to EasyExcel in
 * chunks of 1000; EasyExcel keeps only a small window of rows in memory and spools the rest to a temporary file, so
 * heap use does not grow with the row count. Phones and ID numbers are masked unless the user holds data:unmask.
 * Everything the rows need besides the stream (dictionary labels, org codes) is read before the stream opens:
 * MariaDB buffers an open streaming result completely as soon as another statement runs on the connection.
 */
@Service
public class ExportService {

    /** rows an xlsx sheet can hold below its header */
    public static final int MAX_ROWS = 1_048_575;
    private static final int CHUNK = 1000;

    private final ExportMapper mapper;
    private final NodeMapper nodes;
    private final OrgApi orgs;
    private final DictionaryApi dicts;
    private final TransactionTemplate readOnly;

    public ExportService(ExportMapper mapper, NodeMapper nodes, OrgApi orgs, DictionaryApi dicts,
                         PlatformTransactionManager transactionManager) {
        this.mapper = mapper;
        this.nodes = nodes;
        this.orgs = orgs;
        this.dicts = dicts;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /** checks the filter and resolves nodeId (through the scoped node mapper) and the heating status label */
    public ExportFilter prepare(ExportFilter filter) {
        ExportFilter f = filter == null ? new ExportFilter() : filter;
        f.setPathPrefix(null);
        if (f.getNodeId() != null) {
            HeatNode n = nodes.selectById(f.getNodeId());
            if (n == null) {
                throw BizException.notFound("节点");
            }
            f.setPathPrefix(n.getNodePath());
        }
        if (f.getHeatingStatus() != null) {
            Map<String, String> labels = dicts.labels(HouseholdWriter.HEATING_STATUS_DICT);
            String code = labels.containsKey(f.getHeatingStatus()) ? f.getHeatingStatus()
                    : labels.entrySet().stream().filter(e -> e.getValue().equals(f.getHeatingStatus()))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (code == null) {
                throw BizException.invalid("heatingStatus", "供热状态“" + f.getHeatingStatus() + "”不在字典中");
            }
            f.setHeatingStatus(code);
        }
        return f;
    }

    public static String fileName(ImportKind kind) {
        return kind.label() + "_" + java.time.LocalDateTime.now()
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + ".xlsx";
    }

    /** writes the export of {@code kind} to {@code out}; returns the number of data rows written */
    public long export(ImportKind kind, ExportFilter prepared, OutputStream out) {
        boolean unmask = SecurityContext.current().map(u -> u.hasPermission(PermissionCodes.UNMASK)).orElse(false);
        List<List<String>> head = kind.titles().stream().map(List::of).toList();
        try (ExcelWriter writer = EasyExcel.write(out).head(head)
                .registerWriteHandler(new SimpleColumnWidthStyleStrategy(16)).build()) {
            WriteSheet sheet = EasyExcel.writerSheet(kind.label()).build();
            Sink sink = new Sink(writer, sheet);
            switch (kind) {
                case NODE -> exportNodes(prepared, sink);
                case HOUSEHOLD -> exportHouseholds(prepared, sink, unmask);
                case CUSTOMER -> exportCustomers(prepared, sink, unmask);
            }
            sink.close();
            return sink.count;
        }
    }

    private void exportNodes(ExportFilter f, Sink sink) {
        Map<Long, String> subsidiaryCodes = new HashMap<>();
        for (Long id : mapper.selectCompanySubsidiaries(f)) {
            subsidiaryCodes.put(id, orgs.find(id).map(OrgInfo::orgCode).orElse(null));
        }
        readOnly.execute(s -> {
            mapper.streamNodes(f, ctx -> {
                NodeExportRow r = ctx.getResultObject();
                NodeType type = NodeType.parse(r.getNodeType()).orElse(null);
                sink.add(ctx, Arrays.asList(r.getNodeCode(), r.getNodeName(),
                        type == null ? r.getNodeType() : type.label(), r.getParentCode(),
                        type == NodeType.COMPANY ? subsidiaryCodes.get(r.getOrgId()) : null,
                        r.getSortNo(), r.getAddress(), r.getExternalId()));
            });
            return null;
        });
    }

    private void exportHouseholds(ExportFilter f, Sink sink, boolean unmask) {
        Map<String, String> statusLabels = dicts.labels(HouseholdWriter.HEATING_STATUS_DICT);
        Folder<HouseholdExportRow> folder = new Folder<>(HouseholdExportRow::getId, HouseholdExportRow::getPhone,
                (r, phones) -> Arrays.asList(r.getHouseholdCode(), r.getUnitCode(), r.getFloorNo(), r.getRoomNo(),
                        r.getArea(), statusLabels.getOrDefault(r.getHeatingStatus(), r.getHeatingStatus()), r.getArrears(),
                        r.getCustomerCode(), r.getOwnerName(), idNumber(r.getIdNumber(), unmask), phones(phones, unmask),
                        r.getMeterNo(), r.getValveNo(), r.getTags(), r.getRemark()), sink);
        readOnly.execute(s -> {
            mapper.streamHouseholds(f, folder::accept);
            folder.flush();
            return null;
        });
    }

    private void exportCustomers(ExportFilter f, Sink sink, boolean unmask) {
        Map<String, String> typeLabels = Map.of("RESIDENT", "居民", "ENTERPRISE", "单位");
        Map<String, String> prefLabels = Map.of("PHONE", "电话", "SMS", "短信", "WECHAT", "微信", "NONE", "不联系");
        Folder<CustomerExportRow> folder = new Folder<>(CustomerExportRow::getId, CustomerExportRow::getPhone,
                (r, phones) -> Arrays.asList(r.getCustomerCode(), r.getCustomerName(),
                        typeLabels.getOrDefault(r.getCustomerType(), r.getCustomerType()), idNumber(r.getIdNumber(), unmask),
                        phones(phones, unmask), prefLabels.getOrDefault(r.getContactPref(), r.getContactPref()),
                        r.getContactTime(), r.getNoDisturb() == null ? null : r.getNoDisturb() == 1 ? "是" : "否",
                        r.getRemark()), sink);
        readOnly.execute(s -> {
            mapper.streamCustomers(f, folder::accept);
            folder.flush();
            return null;
        });
    }

    private static String idNumber(String v, boolean unmask) {
        return v == null || unmask ? v : Masking.idNumber(v);
    }

    private static String phones(List<String> list, boolean unmask) {
        if (list.isEmpty()) {
            return null;
        }
        return String.join(",", unmask ? list : list.stream().map(Masking::phone).toList());
    }

    /** folds consecutive rows of one owner (one per phone) into one line */
    private static final class Folder<T> {
        private final Function<T, Long> idOf;
        private final Function<T, String> phoneOf;
        private final java.util.function.BiFunction<T, List<String>, List<Object>> line;
        private final Sink sink;
        private T current;
        private final List<String> phones = new ArrayList<>();
        private ResultContext<?> lastContext;

        Folder(Function<T, Long> idOf, Function<T, String> phoneOf,
               java.util.function.BiFunction<T, List<String>, List<Object>> line, Sink sink) {
            this.idOf = idOf;
            this.phoneOf = phoneOf;
            this.line = line;
            this.sink = sink;
        }

        void accept(ResultContext<? extends T> ctx) {
            T row = ctx.getResultObject();
            lastContext = ctx;
            if (current != null && !idOf.apply(current).equals(idOf.apply(row))) {
                flush();
            }
            if (current == null) {
                current = row;
            }
            String phone = phoneOf.apply(row);
            if (phone != null && !phones.contains(phone)) {
                phones.add(phone);
            }
        }

        void flush() {
            if (current != null) {
                sink.add(lastContext, line.apply(current, List.copyOf(phones)));
                current = null;
                phones.clear();
            }
        }
    }

    /** buffers lines and hands them to EasyExcel a chunk at a time; stops the stream at the sheet's capacity */
    private static final class Sink {
        private final ExcelWriter writer;
        private final WriteSheet sheet;
        private final List<List<Object>> chunk = new ArrayList<>(CHUNK);
        private long count;

        Sink(ExcelWriter writer, WriteSheet sheet) {
            this.writer = writer;
            this.sheet = sheet;
        }

        void add(ResultContext<?> ctx, List<Object> line) {
            if (count >= MAX_ROWS) {
                if (ctx != null) {
                    ctx.stop();
                }
                return;
            }
            chunk.add(line);
            count++;
            if (chunk.size() >= CHUNK) {
                writer.write(chunk, sheet);
                chunk.clear();
            }
        }

        void close() {
            writer.write(chunk, sheet);
            chunk.clear();
        }
    }
}
