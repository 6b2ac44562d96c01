package cn.heatdesk.bench;

import cn.heatdesk.kernel.crypto.FieldCipher;
import cn.heatdesk.kernel.crypto.PasswordHasher;
import cn.heatdesk.kernel.crypto.Sm2Cipher;
import cn.heatdesk.kernel.crypto.Sm3;
import cn.heatdesk.kernel.crypto.Sm4Gcm;
import cn.heatdesk.kernel.datascope.DataScopeCondition;
import cn.heatdesk.kernel.datascope.DataScopeSqlRewriter;
import cn.heatdesk.kernel.datascope.DataScoped;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Costs the foundation adds to every login and every query: SM2 password decryption, PBKDF2-HMAC-SM3 verification,
 * SM4-GCM field encryption with the blind index, SM3 hashing (audit chain), and the data-scope SQL rewrite.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SecurityKernelBench {

    @DataScoped(alias = "u")
    interface Scoped {
    }

    private Sm2Cipher sm2;
    private String loginCipherHex;
    private PasswordHasher hasher;
    private String storedHash;
    private FieldCipher fieldCipher;
    private String encryptedPhone;
    private byte[] auditRow;
    private final DataScopeSqlRewriter rewriter = new DataScopeSqlRewriter();
    private final DataScoped spec = Scoped.class.getAnnotation(DataScoped.class);
    private final CurrentUser stationUser = new CurrentUser(7L, "lead01", "赵站长", 42L, 99L, "/1/5/42/99/",
            DataScope.ORG_AND_CHILDREN, List.of(), Set.of(), Set.of());
    private static final String LIST_SQL = "SELECT u.id, u.username, o.org_name FROM sys_user u "
            + "LEFT JOIN org_unit o ON o.id = u.org_id WHERE u.enabled = ? ORDER BY u.created_at DESC";

    @Setup
    public void setup() {
        Sm2Cipher.KeyPairHex pair = Sm2Cipher.generateKeyPair();
        sm2 = new Sm2Cipher(pair.privateKeyHex(), null);
        loginCipherHex = org.bouncycastle.util.encoders.Hex.toHexString(
                Sm2Cipher.encrypt(sm2.publicKeyHex(), "HeatDesk@2026".getBytes(StandardCharsets.UTF_8))).substring(2);
        hasher = new PasswordHasher(10_000);
        storedHash = hasher.hash("HeatDesk@2026");
        byte[] sm4Key = new byte[16];
        byte[] bidxKey = new byte[32];
        new SecureRandom().nextBytes(sm4Key);
        new SecureRandom().nextBytes(bidxKey);
        fieldCipher = new FieldCipher(new Sm4Gcm(Map.of("v1", sm4Key), "v1"), bidxKey);
        encryptedPhone = fieldCipher.encrypt("13812341234");
        auditRow = ("0000000000000000000000000000000000000000000000000000000000000000|42|2026-11-21T10:00:00|admin|"
                + "127.0.0.1|新增用户|POST /api/settings/users|{\"username\":\"x\"}|SUCCESS|200").getBytes(StandardCharsets.UTF_8);
    }

    /** once per login */
    @Benchmark
    public byte[] sm2DecryptLoginPassword() {
        return sm2.decryptHexToBytes(loginCipherHex);
    }

    /** once per login: PBKDF2-HMAC-SM3, 10 000 iterations */
    @Benchmark
    public boolean passwordVerify() {
        return hasher.verify("HeatDesk@2026", storedHash);
    }

    /** per sensitive field written */
    @Benchmark
    public String sm4EncryptPhone() {
        return fieldCipher.encrypt("13812341234");
    }

    /** per sensitive field read */
    @Benchmark
    public String sm4DecryptPhone() {
        return fieldCipher.decrypt(encryptedPhone);
    }

    /** per phone lookup (screen pop) */
    @Benchmark
    public String blindIndexPhone() {
        return fieldCipher.blindIndexPhone("13812341234");
    }

    /** per audited write */
    @Benchmark
    public byte[] sm3AuditRow() {
        return Sm3.hash(auditRow);
    }

    /** per scoped query (the parse is cached per SQL text; this is the steady-state cost) */
    @Benchmark
    public String dataScopeRewrite() {
        return rewriter.rewrite(LIST_SQL, spec.alias(), q -> DataScopeCondition.of(stationUser, q, spec));
    }
}
