package cn.heatdesk.kernel.crypto;

import cn.heatdesk.kernel.routing.SharedDatabase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * After a new SM4 key version became current, rewrites every declared encrypted column still written with an
 * older version (docs/security.md, key rotation). Run it with {@code --heatdesk.cli=re-encrypt}.
 */
@SharedDatabase
@Component
public class KeyRotation {

    private final FieldReEncryptor reEncryptor;
    private final ObjectProvider<EncryptedColumns> declarations;

    public KeyRotation(FieldReEncryptor reEncryptor, ObjectProvider<EncryptedColumns> declarations) {
        this.reEncryptor = reEncryptor;
        this.declarations = declarations;
    }

    public List<EncryptedColumns> declared() {
        return declarations.orderedStream().toList();
    }

    /** @return values still on an older key version, per table */
    public Map<String, Long> outdated() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (EncryptedColumns d : declared()) {
            out.merge(d.table(), reEncryptor.countOutdated(d.table(), d.columns().toArray(String[]::new)), Long::sum);
        }
        return out;
    }

    /** @return values rewritten, per table */
    public Map<String, Long> rotateAll() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (EncryptedColumns d : declared()) {
            out.merge(d.table(), reEncryptor.reEncrypt(d.table(), d.idColumn(), d.columns().toArray(String[]::new)),
                    Long::sum);
        }
        return out;
    }
}
