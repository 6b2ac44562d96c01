package cn.heatdesk.baseinfo.imports;

import cn.heatdesk.kernel.config.HeatDeskProperties;
import cn.heatdesk.kernel.crypto.Masking;
import cn.heatdesk.kernel.datascope.Paging;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.routing.SubsidiaryRouting;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;
import cn.heatdesk.kernel.security.PermissionCodes;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;
import com.alibaba.excel.EasyExcel;
import com.alibaba.excel.ExcelWriter;
import com.alibaba.excel.context.AnalysisContext;
import com.alibaba.excel.event.AnalysisEventListener;
import com.alibaba.excel.exception.ExcelAnalysisStopException;
import com.alibaba.excel.write.metadata.WriteSheet;
import com.alibaba.excel.write.style.column.SimpleColumnWidthStyleStrategy;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Upload, listing, cancelling and the failed-rows file of import jobs, and the templates. An upload is checked
 * completely before anything is kept — real workbook by its bytes, size, header row — and only then stored under
 * ${heatdesk.data-dir}/imports/&lt;jobId&gt;.xlsx (.xls) with its SM3 hash, as a QUEUED job the {@link ImportRunner}
 * picks up.
 */
@Service
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);
    private static final int STREAM_CHUNK = 1000;

    private final ImportJobMapper jobs;
    private final ImportErrorMapper errors;
    private final ImportRunner runner;
    private final OrgApi orgs;
    private final IdGenerator ids;
    private final ObjectMapper json;
    private final TransactionTemplate tx;
    private final TransactionTemplate readOnly;
    private final Path dir;
    private final DataSize maxFileSize;

    public ImportService(ImportJobMapper jobs, ImportErrorMapper errors, ImportRunner runner, OrgApi orgs,
                         IdGenerator ids, ObjectMapper json, PlatformTransactionManager transactionManager,
                         HeatDeskProperties properties,
                         @Value("${heatdesk.import.max-file-size:${spring.servlet.multipart.max-file-size:50MB}}")
                         DataSize maxFileSize) {
        this.jobs = jobs;
        this.errors = errors;
        this.runner = runner;
        this.orgs = orgs;
        this.ids = ids;
        this.json = json;
        this.tx = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.dir = Path.of(properties.getDataDir()).resolve("imports").toAbsolutePath().normalize();
        this.maxFileSize = maxFileSize;
    }

    /** where uploaded files are kept */
    public Path directory() {
        return dir;
    }

    /** uploads cut off by a crash leave their partial copies behind; they are never anyone's job */
    @EventListener(ApplicationReadyEvent.class)
    public void removeAbandonedUploads() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        long before = System.currentTimeMillis() - Duration.ofHours(1).toMillis();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().startsWith("upload-") && p.getFileName().toString().endsWith(".part"))
                    .filter(p -> p.toFile().lastModified() < before)
                    .forEach(ImportService::deleteQuietly);
        } catch (IOException e) {
            log.warn("cannot list {}: {}", dir, e.toString());
        }
    }

    /**
     * Checks and stores an upload and queues its job.
     *
     * @param subsidiaryId the target subsidiary; optional for users bound to one (must then be theirs)
     */
    public ImportJobView upload(MultipartFile file, String kindText, Long subsidiaryId) {
        ImportKind kind = ImportKind.require(kindText);
        CurrentUser user = SecurityContext.require();
        OrgInfo target = target(user, subsidiaryId);
        if (file == null || file.isEmpty()) {
            throw BizException.invalid("file", "请选择要导入的Excel文件（文件不能为空）");
        }
        ExcelFiles.Format format;
        try (InputStream in = file.getInputStream()) {
            format = ExcelFiles.sniff(in.readNBytes(8));
        } catch (IOException e) {
            throw BizException.invalid("file", "读取上传文件失败，请重新上传");
        }
        if (file.getSize() > maxFileSize.toBytes()) {
            throw BizException.invalid("file", "文件超过 " + maxFileSize.toMegabytes() + "MB，请拆分后分批导入");
        }
        Path tmp = null;
        Path stored = null;
        try {
            Files.createDirectories(dir);
            tmp = dir.resolve("upload-" + UUID.randomUUID() + ".part");
            String hash;
            try (InputStream in = file.getInputStream(); OutputStream out = Files.newOutputStream(tmp)) {
                hash = ExcelFiles.copyWithSm3(in, out);
            }
            ExcelFiles.checkContainer(tmp, format);
            Header header = readHeader(tmp, format);
            if (header == null) {
                throw BizException.invalid("file", "第一行应为表头（" + String.join("、", kind.titles()) + "），请使用"
                        + kind.label() + "导入模板");
            }
            HeaderMapping.of(kind, header.cells());

            long id = ids.nextId();
            Path dest = dir.resolve(id + format.extension());
            ImportJob job = new ImportJob();
            job.setId(id);
            job.setJobKind(kind.name());
            job.setFileName(fileName(file.getOriginalFilename(), format));
            job.setStoredFile(dest.toString());
            job.setFileHash(hash);
            job.setFileSize(Files.size(tmp));
            job.setStatus(ImportStatus.QUEUED.name());
            job.setTotalRows(header.approximateDataRows());
            job.setTargetSubsidiaryId(target.id());
            job.setSubsidiaryId(target.id());
            job.setOrgPath(target.orgPath());
            job.setCreatedBy(user.userId());
            job.setCreatedByName(user.realName() == null || user.realName().isBlank() ? user.username() : user.realName());
            job.setCreatedAt(LocalDateTime.now());
            Path source = tmp;
            stored = dest;
            // the job lives in the target subsidiary's database, next to the rows it writes
            SubsidiaryRouting.callFor(target.id(), () -> tx.execute(s -> {
                jobs.insert(job);
                try {
                    Files.move(source, dest, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            }));
            stored = null;
            runner.submit(id, target.id());
            return ImportJobView.of(job, target.orgName());
        } catch (IOException | UncheckedIOException e) {
            log.error("storing an uploaded import file failed", e);
            throw new BizException(ErrorCode.INTERNAL, "保存上传文件失败，请稍后重试", "file");
        } finally {
            deleteQuietly(tmp);
            deleteQuietly(stored);
        }
    }

    /** the subsidiary an upload goes to, checked against what the user may see */
    private OrgInfo target(CurrentUser user, Long subsidiaryId) {
        Long own = user.subsidiaryId();
        long id;
        if (subsidiaryId == null) {
            if (own == null) {
                throw BizException.invalid("subsidiaryId", "请选择导入到哪个分公司");
            }
            id = own;
        } else {
            if (own != null && !own.equals(subsidiaryId)) {
                throw BizException.invalid("subsidiaryId", "只能导入到本分公司");
            }
            id = subsidiaryId;
        }
        OrgInfo org = orgs.find(id).filter(o -> o.id().equals(o.subsidiaryId()))
                .orElseThrow(() -> BizException.invalid("subsidiaryId", "所选机构不是分公司"));
        if (!org.enabled()) {
            throw BizException.invalid("subsidiaryId", "分公司“" + org.orgName() + "”已停用");
        }
        if (own == null && user.dataScope() != DataScope.ALL && !covers(user, org.orgPath())) {
            throw BizException.invalid("subsidiaryId", "您的数据范围不包含分公司“" + org.orgName() + "”");
        }
        return org;
    }

    private static boolean covers(CurrentUser user, String orgPath) {
        if (orgPath == null) {
            return false;
        }
        return switch (user.dataScope()) {
            case ALL -> true;
            case ORG_AND_CHILDREN -> user.orgPath() != null && orgPath.startsWith(user.orgPath());
            case CUSTOM -> user.customOrgPaths() != null && user.customOrgPaths().stream().anyMatch(orgPath::startsWith);
            default -> false;
        };
    }

    public PageResult<ImportJobView> page(ImportJobFilter filter, PageQuery query) {
        if (filter.getKind() != null) {
            filter.setKind(ImportKind.require(filter.getKind()).name());
        }
        if (filter.getStatus() != null) {
            try {
                filter.setStatus(ImportStatus.valueOf(filter.getStatus().toUpperCase(java.util.Locale.ROOT)).name());
            } catch (IllegalArgumentException e) {
                throw BizException.invalid("status", "状态只能是 QUEUED/RUNNING/SUCCEEDED/FAILED/CANCELLED");
            }
        }
        String orderBy = query.orderBy(Map.of("createdAt", "j.created_at", "status", "j.status", "fileName", "j.file_name"),
                "j.created_at DESC, j.id DESC");
        PageResult<ImportJob> page = Paging.page(query, () -> jobs.list(filter, orderBy));
        Map<Long, String> names = new HashMap<>();
        return page.map(j -> ImportJobView.of(j, subsidiaryName(j, names)));
    }

    public ImportJobView get(long id) {
        ImportJob j = require(id);
        return ImportJobView.of(j, subsidiaryName(j, new HashMap<>()));
    }

    ImportJob require(long id) {
        ImportJob j = jobs.selectById(id);
        if (j == null) {
            throw BizException.notFound("导入任务");
        }
        return j;
    }

    /** QUEUED/RUNNING → CANCELLED; a running worker stops at its next batch (rows committed so far stay) */
    public ImportJobView cancel(long id) {
        ImportJob j = require(id);
        if (ImportStatus.valueOf(j.getStatus()).finished()) {
            throw BizException.invalid("status", "任务已结束，不能取消");
        }
        CurrentUser user = SecurityContext.require();
        String who = user.realName() == null || user.realName().isBlank() ? user.username() : user.realName();
        int done = jobs.cancel(id, "已由" + who + "取消（已处理 " + (j.getProcessedRows() == null ? 0 : j.getProcessedRows())
                + " 行保留）", LocalDateTime.now());
        if (done == 0) {
            throw BizException.invalid("status", "任务已结束，不能取消");
        }
        return get(id);
    }

    /** 导入失败行-房屋.xlsx for 房屋.xlsx */
    public String errorFileName(ImportJob job) {
        String name = job.getFileName() == null ? "导入文件" : job.getFileName();
        int dot = name.lastIndexOf('.');
        return "导入失败行-" + (dot > 0 ? name.substring(0, dot) : name) + ".xlsx";
    }

    /**
     * Writes the failed rows of a job as read — every original column — plus 错误字段 and 错误原因, streamed from the
     * database. Phones and ID numbers are masked for users without data:unmask (imported again, a masked value
     * keeps what is stored).
     */
    public long writeErrors(ImportJob job, OutputStream out) {
        ImportKind kind = ImportKind.valueOf(job.getJobKind());
        List<String> header = storedHeader(job).orElse(kind.titles());
        int width = header.size();
        Set<Integer> sensitive = new LinkedHashSet<>();
        if (!SecurityContext.current().map(u -> u.hasPermission(PermissionCodes.UNMASK)).orElse(false)) {
            for (int i = 0; i < width; i++) {
                String t = HeaderMapping.normalise(header.get(i));
                if ("联系电话".equals(t) || "证件号码".equals(t)) {
                    sensitive.add(i);
                }
            }
        }
        List<List<String>> head = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            head.add(List.of(header.get(i) == null ? "" : header.get(i)));
        }
        head.add(List.of(ImportKind.ERROR_FIELD_TITLE));
        head.add(List.of(ImportKind.ERROR_REASON_TITLE));
        long[] count = {0};
        try (ExcelWriter writer = EasyExcel.write(out).head(head).registerWriteHandler(new SimpleColumnWidthStyleStrategy(18))
                .build()) {
            WriteSheet sheet = EasyExcel.writerSheet("失败行").build();
            List<List<Object>> chunk = new ArrayList<>(STREAM_CHUNK);
            readOnly.execute(s -> {
                errors.streamByJob(job.getId(), ctx -> {
                    ImportError e = ctx.getResultObject();
                    List<String> cells = parseRow(e.getRowJson());
                    List<Object> row = new ArrayList<>(width + 2);
                    for (int i = 0; i < width; i++) {
                        String v = i < cells.size() ? cells.get(i) : null;
                        row.add(v != null && sensitive.contains(i) ? maskCell(v, header.get(i)) : v);
                    }
                    row.add(e.getFieldName());
                    row.add(e.getReason());
                    chunk.add(row);
                    count[0]++;
                    if (chunk.size() >= STREAM_CHUNK) {
                        writer.write(chunk, sheet);
                        chunk.clear();
                    }
                });
                return null;
            });
            writer.write(chunk, sheet);
        }
        return count[0];
    }

    private static String maskCell(String value, String title) {
        if ("证件号码".equals(HeaderMapping.normalise(title))) {
            return Masking.idNumber(value);
        }
        List<String> out = new ArrayList<>();
        for (String token : value.split("[,，;；/、]+")) {
            if (!token.isBlank()) {
                out.add(Masking.phone(token.strip()));
            }
        }
        return String.join(",", out);
    }

    private List<String> parseRow(String rowJson) {
        if (rowJson == null || rowJson.isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(rowJson, new TypeReference<List<String>>() { });
        } catch (IOException e) {
            return List.of();
        }
    }

    /** the header row of the job's stored file, if the file is still there */
    private Optional<List<String>> storedHeader(ImportJob job) {
        try {
            Path p = Path.of(job.getStoredFile());
            if (!Files.isRegularFile(p)) {
                return Optional.empty();
            }
            Header h = readHeader(p, ExcelFiles.sniff(p));
            if (h == null) {
                return Optional.empty();
            }
            int width = h.cells().keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
            List<String> out = new ArrayList<>(width);
            for (int i = 0; i < width; i++) {
                out.add(h.cells().get(i));
            }
            return Optional.of(out);
        } catch (IOException | RuntimeException e) {
            log.warn("cannot read the header of {}: {}", job.getStoredFile(), e.toString());
            return Optional.empty();
        }
    }

    /** the header row and the row count the sheet declares (its dimension), read without reading the rows */
    record Header(Map<Integer, String> cells, int approximateDataRows) {
    }

    static Header readHeader(Path file, ExcelFiles.Format format) {
        Header[] out = {null};
        try {
            EasyExcel.read(file.toFile(), new AnalysisEventListener<Map<Integer, String>>() {
                @Override
                public void invokeHeadMap(Map<Integer, String> headMap, AnalysisContext context) {
                    Integer approx = context.readSheetHolder().getApproximateTotalRowNumber();
                    out[0] = new Header(new HashMap<>(headMap), approx == null ? 0 : Math.max(0, approx - 1));
                    throw new ExcelAnalysisStopException();
                }

                @Override
                public void invoke(Map<Integer, String> data, AnalysisContext context) {
                    throw new ExcelAnalysisStopException();
                }

                @Override
                public void doAfterAllAnalysed(AnalysisContext context) {
                }
            }).excelType(format.type()).headRowNumber(1).sheet(0).doRead();
        } catch (ExcelAnalysisStopException e) {
            // stopped after the header, as intended
        } catch (RuntimeException e) {
            if (out[0] == null) {
                throw BizException.invalid("file", ExcelFiles.NOT_EXCEL);
            }
        }
        return out[0];
    }

    /** Writes the import template of a kind: the header row, sample rows and a 说明 sheet. */
    public void writeTemplate(ImportKind kind, OutputStream out) {
        ImportTemplates.write(kind, out);
    }

    private String subsidiaryName(ImportJob j, Map<Long, String> cache) {
        Long id = j.getTargetSubsidiaryId();
        if (id == null) {
            return null;
        }
        return cache.computeIfAbsent(id, k -> orgs.find(k).map(OrgInfo::orgName).orElse(null));
    }

    private static String fileName(String original, ExcelFiles.Format format) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty()) {
            name = "导入文件" + format.extension();
        }
        return ImportRunner.cut(name, 255);
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            log.warn("cannot delete {}: {}", p, e.toString());
        }
    }
}
