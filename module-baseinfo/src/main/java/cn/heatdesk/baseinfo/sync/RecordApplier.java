package cn.heatdesk.baseinfo.sync;

import cn.heatdesk.baseinfo.api.BillingHouseholdRecord;
import cn.heatdesk.baseinfo.api.BillingPaymentRecord;
import cn.heatdesk.baseinfo.api.HeatNetReading;
import cn.heatdesk.baseinfo.household.Household;
import cn.heatdesk.baseinfo.household.HouseholdMapper;
import cn.heatdesk.baseinfo.household.HouseholdRecord;
import cn.heatdesk.baseinfo.household.HouseholdWriter;
import cn.heatdesk.baseinfo.household.Payment;
import cn.heatdesk.baseinfo.household.PaymentMapper;
import cn.heatdesk.baseinfo.household.RoomTemp;
import cn.heatdesk.baseinfo.household.UpsertOutcome;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.routing.SubsidiaryRouting;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Applies incoming billing and heat-network records to the base data — the one place pull, push and retry share.
 * Records are grouped by subsidiary; each group is written in its own transaction on that subsidiary's database
 * ({@link SubsidiaryRouting#callFor}). Households go through {@link HouseholdWriter} (field ownership, stale
 * protection by the billing update time); payments and readings are inserted once per source reference.
 *
 * <p>Every record gets an {@link Applied} result, in input order. A group that fails as a whole is retried record
 * by record, so one bad record cannot hold back the others; only a database that cannot be reached at all is
 * thrown to the caller (a pull then keeps its cursor).
 */
@Component
public class RecordApplier {

    /** data_source of stored payments and readings */
    public static final String PAYMENT_SOURCE = "BILLING";
    public static final String TEMPERATURE_SOURCE = "SMART_NET";
    static final int CHUNK = 400;
    private static final BigDecimal MAX_MONEY = new BigDecimal("9999999999.99");
    private static final BigDecimal MIN_TEMP = new BigDecimal("-40");
    private static final BigDecimal MAX_TEMP = new BigDecimal("60");

    /**
     * The result for one record.
     *
     * @param key          the record's own key (household code, payment id, reading id)
     * @param failureKey   key of the failure row: subsidiary/household code for households, else the key
     * @param payload      JSON of the record, set when rejected
     * @param retryable    false for refusals a retry cannot fix (an app writing outside its subsidiary): no failure row
     * @param subsidiaryId target subsidiary when known; orgPath the org the failure is filed under
     */
    public record Applied(int index, String key, SyncOutcome outcome, String field, String reason, String failureKey,
                          String payload, boolean retryable, Long subsidiaryId, String orgPath) {

        public boolean rejected() {
            return outcome == SyncOutcome.REJECTED;
        }

        String reasonWithField() {
            String r = reason == null ? "处理失败" : reason;
            return field == null ? r : r + "（字段 " + field + "）";
        }
    }

    private final HouseholdWriter writer;
    private final HouseholdMapper households;
    private final PaymentMapper payments;
    private final OrgApi orgs;
    private final IdGenerator ids;
    private final ObjectMapper json;
    private final TransactionTemplate tx;

    public RecordApplier(HouseholdWriter writer, HouseholdMapper households, PaymentMapper payments, OrgApi orgs,
                         IdGenerator ids, ObjectMapper json, PlatformTransactionManager txManager) {
        this.writer = writer;
        this.households = households;
        this.payments = payments;
        this.orgs = orgs;
        this.ids = ids;
        this.json = json;
        this.tx = new TransactionTemplate(txManager);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    // ---- households ------------------------------------------------------------------------------------------

    /**
     * @param onlySubsidiaryId when not null, records of other subsidiaries are refused (an integration app bound to
     *                         one subsidiary)
     */
    public List<Applied> households(List<RecordJson.Parsed<BillingHouseholdRecord>> in, Long onlySubsidiaryId) {
        Applied[] out = new Applied[in.size()];
        Lookup lookup = new Lookup();
        Map<Long, List<Integer>> bySub = new LinkedHashMap<>();
        for (int i = 0; i < in.size(); i++) {
            RecordJson.Parsed<BillingHouseholdRecord> p = in.get(i);
            BillingHouseholdRecord r = p.record();
            String subCode = r != null ? r.subsidiaryCode() : p.subsidiaryCode();
            String key = r != null ? r.householdCode() : p.key();
            Target t = new Target(i, key, householdFailureKey(subCode, key), lookup.subsidiary(subCode), p);
            Applied refused = common(t, p, subCode, onlySubsidiaryId);
            if (refused == null && blank(r.householdCode())) {
                refused = t.reject("householdCode", "房屋编码 householdCode 不能为空");
            }
            if (refused == null && r.updatedAt() == null) {
                refused = t.reject("updatedAt", "缺少计费系统的更新时间 updatedAt（用于判断新旧）");
            }
            if (refused != null) {
                out[i] = refused;
            } else {
                bySub.computeIfAbsent(t.org.id(), k -> new ArrayList<>()).add(i);
            }
        }
        for (Map.Entry<Long, List<Integer>> e : bySub.entrySet()) {
            long sub = e.getKey();
            OrgInfo org = lookup.byId(sub);
            // one version per household: the latest wins, earlier ones of the same batch are stale
            Map<String, Integer> latest = new LinkedHashMap<>();
            for (int i : e.getValue()) {
                BillingHouseholdRecord r = in.get(i).record();
                String code = r.householdCode().strip();
                Integer j = latest.get(code);
                if (j == null) {
                    latest.put(code, i);
                    continue;
                }
                BillingHouseholdRecord other = in.get(j).record();
                int loser = r.updatedAt().isBefore(other.updatedAt()) ? i : j;
                if (loser == j) {
                    latest.put(code, i);
                }
                out[loser] = new Applied(loser, in.get(loser).record().householdCode(), SyncOutcome.STALE, null,
                        "同一批中该房屋有更新的记录，以最新记录为准", null, null, true, sub, org.orgPath());
            }
            List<Integer> idx = new ArrayList<>(latest.values());
            List<Applied> results = batchOrSingles(sub, idx,
                    batch -> {
                        List<HouseholdRecord> recs = batch.stream().map(i -> toHouseholdRecord(in.get(i).record())).toList();
                        List<UpsertOutcome> outcomes = writer.upsert(sub, recs, HouseholdWriter.Origin.BILLING);
                        List<Applied> r = new ArrayList<>();
                        for (int k = 0; k < batch.size(); k++) {
                            r.add(fromOutcome(batch.get(k), in.get(batch.get(k)), outcomes.get(k), sub, org));
                        }
                        return r;
                    },
                    (i, ex) -> target(i, in.get(i), org, householdFailureKey(org.orgCode(), in.get(i).record().householdCode()))
                            .reject(fieldOf(ex), "保存失败：" + messageOf(ex)));
            results.forEach(a -> out[a.index()] = a);
        }
        return List.of(out);
    }

    /** billing record → the writer's record; billing update times are kept to the second like every DB stores them */
    static HouseholdRecord toHouseholdRecord(BillingHouseholdRecord r) {
        return new HouseholdRecord(strip(r.householdCode()), strip(r.unitCode()), null, r.floorNo(), r.roomNo(),
                r.area(), r.heatingStatus(), r.arrears(), strip(r.customerCode()), r.ownerName(), r.ownerIdNumber(),
                r.ownerPhones() == null ? List.of() : r.ownerPhones(), r.meterNo(), r.valveNo(), null, null,
                r.updatedAt() == null ? null : r.updatedAt().truncatedTo(ChronoUnit.SECONDS));
    }

    private Applied fromOutcome(int i, RecordJson.Parsed<BillingHouseholdRecord> p, UpsertOutcome o, long sub, OrgInfo org) {
        String key = p.record().householdCode();
        return switch (o.kind()) {
            case CREATED -> ok(i, key, SyncOutcome.CREATED, sub, org);
            case UPDATED -> ok(i, key, SyncOutcome.UPDATED, sub, org);
            case UNCHANGED -> ok(i, key, SyncOutcome.UNCHANGED, sub, org);
            case STALE -> new Applied(i, key, SyncOutcome.STALE, null, o.reason(), null, null, true, sub, org.orgPath());
            case REJECTED -> target(i, p, org, householdFailureKey(org.orgCode(), key))
                    .reject("phones".equals(o.field()) ? "ownerPhones" : o.field(), o.reason());
        };
    }

    static String householdFailureKey(String subsidiaryCode, String householdCode) {
        if (blank(subsidiaryCode) && blank(householdCode)) {
            return null;
        }
        return (blank(subsidiaryCode) ? "?" : subsidiaryCode.strip()) + "/" + (blank(householdCode) ? "?" : householdCode.strip());
    }

    // ---- payments --------------------------------------------------------------------------------------------

    public List<Applied> payments(List<RecordJson.Parsed<BillingPaymentRecord>> in, Long onlySubsidiaryId) {
        return applyByRef(in, onlySubsidiaryId, BillingPaymentRecord::subsidiaryCode, BillingPaymentRecord::paymentId,
                RecordApplier::checkPayment, this::insertPayments, "交费记录编号", "交费记录");
    }

    private static Applied checkPayment(Target t, BillingPaymentRecord r) {
        if (blank(r.paymentId())) {
            return t.reject("paymentId", "交费记录编号 paymentId 不能为空");
        }
        if (r.paymentId().strip().length() > 64) {
            return t.reject("paymentId", "交费记录编号 paymentId 不能超过64位");
        }
        if (blank(r.householdCode())) {
            return t.reject("householdCode", "房屋编码 householdCode 不能为空");
        }
        if (payKind(r.kind()) == null) {
            return t.reject("kind", "类型 kind 只能是 PAY（交费）或 REFUND（退费）");
        }
        if (r.amount() == null) {
            return t.reject("amount", "金额 amount 不能为空");
        }
        if (r.amount().signum() <= 0 || r.amount().compareTo(MAX_MONEY) > 0) {
            return t.reject("amount", "金额 amount 须大于0且不超过9999999999.99（退费也填正数）");
        }
        if (r.paidAt() == null) {
            return t.reject("paidAt", "交费时间 paidAt 不能为空");
        }
        if (r.season() != null && r.season().strip().length() > 16) {
            return t.reject("season", "供暖季 season 不能超过16个字");
        }
        if (r.channel() != null && r.channel().strip().length() > 32) {
            return t.reject("channel", "交费渠道 channel 不能超过32个字");
        }
        return null;
    }

    static String payKind(String raw) {
        if (raw == null) {
            return null;
        }
        return switch (raw.strip().toUpperCase(Locale.ROOT)) {
            case "PAY", "交费", "缴费" -> "PAY";
            case "REFUND", "退费" -> "REFUND";
            default -> null;
        };
    }

    private List<Applied> insertPayments(long sub, OrgInfo org, List<Integer> batch,
                                         List<RecordJson.Parsed<BillingPaymentRecord>> in) {
        Set<String> refs = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (int i : batch) {
            refs.add(in.get(i).record().paymentId().strip());
            codes.add(in.get(i).record().householdCode().strip());
        }
        Set<String> existing = new HashSet<>();
        for (List<String> chunk : chunks(refs)) {
            existing.addAll(payments.selectExistingRefs(PAYMENT_SOURCE, chunk));
        }
        Map<String, Household> byCode = householdsByCode(sub, codes);
        LocalDateTime now = LocalDateTime.now();
        long user = SecurityContext.userIdOrSystem();
        List<Applied> results = new ArrayList<>();
        List<Payment> rows = new ArrayList<>();
        for (int i : batch) {
            BillingPaymentRecord r = in.get(i).record();
            String ref = r.paymentId().strip();
            if (existing.contains(ref)) {
                results.add(new Applied(i, r.paymentId(), SyncOutcome.DUPLICATE, null, "已接收过该交费记录", null, null,
                        true, sub, org.orgPath()));
                continue;
            }
            Household h = byCode.get(r.householdCode().strip());
            if (h == null) {
                results.add(target(i, in.get(i), org, ref).reject("householdCode",
                        "房屋编码“" + r.householdCode().strip() + "”在分公司" + org.orgCode() + "不存在"));
                continue;
            }
            Payment pay = new Payment();
            pay.setId(ids.nextId());
            pay.setHouseholdId(h.getId());
            pay.setPayKind(payKind(r.kind()));
            pay.setAmount(r.amount().setScale(2, RoundingMode.HALF_UP));
            pay.setPaidAt(r.paidAt());
            pay.setSeason(strip(r.season()));
            pay.setChannel(strip(r.channel()));
            pay.setDataSource(PAYMENT_SOURCE);
            pay.setSourceRef(ref);
            pay.setReceivedAt(now);
            pay.setSubsidiaryId(h.getSubsidiaryId());
            pay.setOrgPath(h.getOrgPath());
            pay.setCreatedBy(user);
            rows.add(pay);
            results.add(new Applied(i, r.paymentId(), SyncOutcome.CREATED, null, null, null, null, true, sub, h.getOrgPath()));
        }
        for (List<Payment> chunk : chunks(rows)) {
            payments.insertBatch(chunk);
        }
        return results;
    }

    // ---- room temperatures -----------------------------------------------------------------------------------

    public List<Applied> temperatures(List<RecordJson.Parsed<HeatNetReading>> in, Long onlySubsidiaryId) {
        return applyByRef(in, onlySubsidiaryId, HeatNetReading::subsidiaryCode, HeatNetReading::readingId,
                RecordApplier::checkReading, this::insertReadings, "读数编号", "室温读数");
    }

    /** inserts one subsidiary's batch of checked records (indexes into {@code in}) */
    private interface RefInsert<R> {
        List<Applied> insert(long sub, OrgInfo org, List<Integer> batch, List<RecordJson.Parsed<R>> in);
    }

    /**
     * Records stored once per source reference (payments, readings): field checks, grouping by subsidiary, the first
     * of a reference repeated in the batch wins, a batch insert per subsidiary falling back to single records.
     *
     * @param refLabel what the reference is called in messages (交费记录编号)
     * @param noun     what the record is called in messages (交费记录)
     */
    private <R> List<Applied> applyByRef(List<RecordJson.Parsed<R>> in, Long onlySubsidiaryId,
                                         Function<R, String> subCodeOf, Function<R, String> refOf,
                                         BiFunction<Target, R, Applied> check, RefInsert<R> insert,
                                         String refLabel, String noun) {
        Applied[] out = new Applied[in.size()];
        Lookup lookup = new Lookup();
        Map<Long, List<Integer>> bySub = new LinkedHashMap<>();
        for (int i = 0; i < in.size(); i++) {
            RecordJson.Parsed<R> p = in.get(i);
            R r = p.record();
            String subCode = r != null ? subCodeOf.apply(r) : p.subsidiaryCode();
            String key = r != null ? refOf.apply(r) : p.key();
            Target t = new Target(i, key, blank(key) ? null : key.strip(), lookup.subsidiary(subCode), p);
            Applied refused = common(t, p, subCode, onlySubsidiaryId);
            if (refused == null) {
                refused = check.apply(t, r);
            }
            if (refused != null) {
                out[i] = refused;
            } else {
                bySub.computeIfAbsent(t.org.id(), k -> new ArrayList<>()).add(i);
            }
        }
        for (Map.Entry<Long, List<Integer>> e : bySub.entrySet()) {
            long sub = e.getKey();
            OrgInfo org = lookup.byId(sub);
            Function<Integer, String> ref = i -> refOf.apply(in.get(i).record());
            List<Integer> idx = firstPerKey(e.getValue(), i -> ref.apply(i).strip(), out,
                    (i, first) -> new Applied(i, ref.apply(i), SyncOutcome.DUPLICATE, null,
                            "与本批第" + (first + 1) + "条的" + refLabel + "重复", null, null, true, sub, org.orgPath()));
            List<Applied> results = batchOrSingles(sub, idx, batch -> insert.insert(sub, org, batch, in),
                    (i, ex) -> ex instanceof DuplicateKeyException
                            ? new Applied(i, ref.apply(i), SyncOutcome.DUPLICATE, null, "已接收过该" + noun, null, null,
                            true, sub, org.orgPath())
                            : target(i, in.get(i), org, ref.apply(i).strip()).reject(fieldOf(ex), "保存失败：" + messageOf(ex)));
            results.forEach(a -> out[a.index()] = a);
        }
        return List.of(out);
    }

    private static Applied checkReading(Target t, HeatNetReading r) {
        if (blank(r.readingId())) {
            return t.reject("readingId", "读数编号 readingId 不能为空");
        }
        if (r.readingId().strip().length() > 64) {
            return t.reject("readingId", "读数编号 readingId 不能超过64位");
        }
        if (blank(r.householdCode())) {
            return t.reject("householdCode", "房屋编码 householdCode 不能为空");
        }
        if (r.temperature() == null) {
            return t.reject("temperature", "室温 temperature 不能为空");
        }
        if (r.temperature().compareTo(MIN_TEMP) < 0 || r.temperature().compareTo(MAX_TEMP) > 0) {
            return t.reject("temperature", "室温 temperature 超出合理范围（-40～60℃）：" + r.temperature().toPlainString());
        }
        if (r.measuredAt() == null) {
            return t.reject("measuredAt", "测量时间 measuredAt 不能为空");
        }
        return null;
    }

    private List<Applied> insertReadings(long sub, OrgInfo org, List<Integer> batch, List<RecordJson.Parsed<HeatNetReading>> in) {
        Set<String> refs = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (int i : batch) {
            refs.add(in.get(i).record().readingId().strip());
            codes.add(in.get(i).record().householdCode().strip());
        }
        Set<String> existing = new HashSet<>();
        for (List<String> chunk : chunks(refs)) {
            payments.selectTempsByRefs(TEMPERATURE_SOURCE, chunk).forEach(t -> existing.add(t.getSourceRef()));
        }
        Map<String, Household> byCode = householdsByCode(sub, codes);
        LocalDateTime now = LocalDateTime.now();
        long user = SecurityContext.userIdOrSystem();
        List<Applied> results = new ArrayList<>();
        List<RoomTemp> rows = new ArrayList<>();
        for (int i : batch) {
            HeatNetReading r = in.get(i).record();
            String ref = r.readingId().strip();
            if (existing.contains(ref)) {
                results.add(new Applied(i, r.readingId(), SyncOutcome.DUPLICATE, null, "已接收过该室温读数", null, null,
                        true, sub, org.orgPath()));
                continue;
            }
            Household h = byCode.get(r.householdCode().strip());
            if (h == null) {
                results.add(target(i, in.get(i), org, ref).reject("householdCode",
                        "房屋编码“" + r.householdCode().strip() + "”在分公司" + org.orgCode() + "不存在"));
                continue;
            }
            RoomTemp t = new RoomTemp();
            t.setId(ids.nextId());
            t.setHouseholdId(h.getId());
            t.setMeasuredAt(r.measuredAt());
            t.setTemperature(r.temperature().setScale(1, RoundingMode.HALF_UP));
            t.setDataSource(TEMPERATURE_SOURCE);
            t.setSourceRef(ref);
            t.setReceivedAt(now);
            t.setSubsidiaryId(h.getSubsidiaryId());
            t.setOrgPath(h.getOrgPath());
            t.setCreatedBy(user);
            rows.add(t);
            results.add(new Applied(i, r.readingId(), SyncOutcome.CREATED, null, null, null, null, true, sub, h.getOrgPath()));
        }
        for (List<RoomTemp> chunk : chunks(rows)) {
            payments.insertTemps(chunk);
        }
        return results;
    }

    // ---- shared ----------------------------------------------------------------------------------------------

    /** a record on its way: where its failure would be filed */
    private final class Target {
        final int index;
        final String key;
        final String failureKey;
        final OrgInfo org;
        final RecordJson.Parsed<?> parsed;

        Target(int index, String key, String failureKey, OrgInfo org, RecordJson.Parsed<?> parsed) {
            this.index = index;
            this.key = key;
            this.failureKey = failureKey;
            this.org = org;
            this.parsed = parsed;
        }

        Applied reject(String field, String reason) {
            return new Applied(index, key, SyncOutcome.REJECTED, field, reason, failureKey, payloadOf(parsed), true,
                    org == null ? null : org.id(), org == null ? null : org.orgPath());
        }

        Applied refuse(String field, String reason) {
            return new Applied(index, key, SyncOutcome.REJECTED, field, reason, failureKey, null, false,
                    org == null ? null : org.id(), org == null ? null : org.orgPath());
        }
    }

    private Target target(int i, RecordJson.Parsed<?> p, OrgInfo org, String failureKey) {
        return new Target(i, p.key(), failureKey, org, p);
    }

    /** checks every kind shares: readable, subsidiary known, caller allowed to write it */
    private static Applied common(Target t, RecordJson.Parsed<?> p, String subCode, Long onlySubsidiaryId) {
        if (!p.ok()) {
            return t.reject(p.field(), p.reason());
        }
        if (blank(subCode)) {
            return t.reject("subsidiaryCode", "分公司编码 subsidiaryCode 不能为空");
        }
        if (t.org == null) {
            return t.reject("subsidiaryCode", "分公司编码“" + subCode.strip() + "”不存在或不是分公司");
        }
        if (onlySubsidiaryId != null && !onlySubsidiaryId.equals(t.org.id())) {
            return t.refuse("subsidiaryCode", "本接口应用只能写入所属分公司的数据，不能写入“" + subCode.strip() + "”");
        }
        return null;
    }

    private String payloadOf(RecordJson.Parsed<?> p) {
        if (p.raw() != null) {
            return p.raw();
        }
        try {
            return json.writeValueAsString(p.record());
        } catch (JsonProcessingException e) {
            return String.valueOf(p.record());
        }
    }

    private Applied ok(int i, String key, SyncOutcome outcome, long sub, OrgInfo org) {
        return new Applied(i, key, outcome, null, null, null, null, true, sub, org.orgPath());
    }

    /** keeps the first index per key; the others get {@code duplicate(index, firstIndex)} */
    private static List<Integer> firstPerKey(List<Integer> idx, Function<Integer, String> keyOf, Applied[] out,
                                             BiFunction<Integer, Integer, Applied> duplicate) {
        Map<String, Integer> first = new HashMap<>();
        List<Integer> keep = new ArrayList<>();
        for (int i : idx) {
            Integer f = first.putIfAbsent(keyOf.apply(i), i);
            if (f == null) {
                keep.add(i);
            } else {
                out[i] = duplicate.apply(i, f);
            }
        }
        return keep;
    }

    private Map<String, Household> householdsByCode(long sub, Set<String> codes) {
        Map<String, Household> m = new HashMap<>();
        for (List<String> chunk : chunks(codes)) {
            for (Household h : households.selectByCodes(sub, chunk)) {
                m.put(h.getHouseholdCode(), h);
            }
        }
        return m;
    }

    /**
     * Runs {@code work} over the batch in one transaction on the subsidiary's database. If that fails, each record
     * alone, so one bad record does not hold back the rest; an unreachable database is thrown at once.
     */
    private List<Applied> batchOrSingles(long sub, List<Integer> batch, Function<List<Integer>, List<Applied>> work,
                                         BiFunction<Integer, RuntimeException, Applied> failed) {
        if (batch.isEmpty()) {
            return List.of();
        }
        try {
            return inSubsidiaryTx(sub, () -> work.apply(batch));
        } catch (RuntimeException e) {
            if (systemic(e)) {
                throw e;
            }
        }
        List<Applied> out = new ArrayList<>();
        for (int i : batch) {
            try {
                out.addAll(inSubsidiaryTx(sub, () -> work.apply(List.of(i))));
            } catch (RuntimeException e) {
                if (systemic(e)) {
                    throw e;
                }
                out.add(failed.apply(i, e));
            }
        }
        return out;
    }

    private <T> T inSubsidiaryTx(long sub, Supplier<T> work) {
        return SubsidiaryRouting.callFor(sub, () -> tx.execute(s -> work.get()));
    }

    /** the database (not the record) is the problem: nothing can be applied now */
    static boolean systemic(Throwable e) {
        return e instanceof TransientDataAccessException || e instanceof DataAccessResourceFailureException
                || e instanceof RecoverableDataAccessException || e instanceof CannotCreateTransactionException;
    }

    private static String fieldOf(RuntimeException e) {
        return e instanceof BizException b ? b.field() : null;
    }

    private static String messageOf(RuntimeException e) {
        if (e instanceof BizException) {
            return e.getMessage();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return SyncStore.truncate(root.getClass().getSimpleName() + (m == null ? "" : "：" + m), 300);
    }

    /** subsidiary orgs by code, looked up once per batch */
    private final class Lookup {
        private final Map<String, Optional<OrgInfo>> byCode = new HashMap<>();
        private final Map<Long, OrgInfo> byId = new HashMap<>();

        OrgInfo subsidiary(String code) {
            if (blank(code)) {
                return null;
            }
            OrgInfo o = byCode.computeIfAbsent(code.strip(), c -> orgs.findByCode(c)
                    .filter(x -> x.id() != null && x.id().equals(x.subsidiaryId()))).orElse(null);
            if (o != null) {
                byId.put(o.id(), o);
            }
            return o;
        }

        OrgInfo byId(long id) {
            return byId.get(id);
        }
    }

    private static <T> List<List<T>> chunks(Collection<T> all) {
        List<List<T>> out = new ArrayList<>();
        List<T> cur = new ArrayList<>(CHUNK);
        for (T t : all) {
            cur.add(t);
            if (cur.size() == CHUNK) {
                out.add(cur);
                cur = new ArrayList<>(CHUNK);
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur);
        }
        return out;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }
}
