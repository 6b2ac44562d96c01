package cn.heatdesk.kernel.crypto;

import java.util.List;

/**
 * Declares SM4-encrypted columns of a module's table, so an SM4 key rotation re-encrypts them
 * ({@link KeyRotation}). Modules publish one bean per table.
 */
public record EncryptedColumns(String table, String idColumn, List<String> columns) {

    public EncryptedColumns {
        columns = List.copyOf(columns);
    }
}
