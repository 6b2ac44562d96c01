package cn.heatdesk.baseinfo.imports;

import cn.heatdesk.kernel.crypto.Sm3;
import cn.heatdesk.kernel.error.BizException;
import com.alibaba.excel.support.ExcelTypeEnum;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.util.encoders.Hex;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Recognises real Excel workbooks by their bytes, never by name or content type: an .xlsx is a ZIP (PK\3\4) holding
 * [Content_Types].xml and xl/workbook.xml; an .xls is an OLE2 compound file (D0 CF 11 E0 A1 B1 1A E1) holding a
 * Workbook stream. Anything else is refused before it is stored or parsed.
 */
public final class ExcelFiles {

    public static final String NOT_EXCEL = "文件不是有效的Excel文件";

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    /** the two workbook containers; the extension is used for the stored copy */
    public enum Format {
        XLSX(ExcelTypeEnum.XLSX, ".xlsx"), XLS(ExcelTypeEnum.XLS, ".xls");

        private final ExcelTypeEnum type;
        private final String extension;

        Format(ExcelTypeEnum type, String extension) {
            this.type = type;
            this.extension = extension;
        }

        public ExcelTypeEnum type() {
            return type;
        }

        public String extension() {
            return extension;
        }
    }

    private ExcelFiles() {
    }

    /** the container named by the first bytes of a file, or a 400 naming {@code file} */
    public static Format sniff(byte[] head) {
        if (head != null && head.length >= OLE2.length && Arrays.equals(head, 0, OLE2.length, OLE2, 0, OLE2.length)) {
            return Format.XLS;
        }
        if (head != null && head.length >= ZIP.length && Arrays.equals(head, 0, ZIP.length, ZIP, 0, ZIP.length)) {
            return Format.XLSX;
        }
        throw BizException.invalid("file", NOT_EXCEL);
    }

    public static Format sniff(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sniff(in.readNBytes(OLE2.length));
        }
    }

    /**
     * Looks inside the container: a ZIP must list [Content_Types].xml and xl/workbook.xml (a .docx or any other
     * ZIP is refused), an OLE2 file must hold a Workbook/Book stream (a .doc is refused; an encrypted .xlsx gets
     * its own message). Only the directory is read, so this is quick even for large files.
     */
    public static void checkContainer(Path file, Format format) {
        if (format == Format.XLSX) {
            try (ZipFile zip = new ZipFile(file.toFile())) {
                if (zip.getEntry("[Content_Types].xml") == null || zip.getEntry("xl/workbook.xml") == null) {
                    throw BizException.invalid("file", NOT_EXCEL);
                }
            } catch (ZipException e) {
                throw BizException.invalid("file", NOT_EXCEL);
            } catch (IOException e) {
                throw BizException.invalid("file", NOT_EXCEL);
            }
            return;
        }
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            if (fs.getRoot().hasEntry("EncryptedPackage")) {
                throw BizException.invalid("file", "文件已加密，请在Excel中取消密码后再导入");
            }
            if (!fs.getRoot().hasEntry("Workbook") && !fs.getRoot().hasEntry("WORKBOOK") && !fs.getRoot().hasEntry("Book")) {
                throw BizException.invalid("file", NOT_EXCEL);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BizException b) {
                throw b;
            }
            throw BizException.invalid("file", NOT_EXCEL);
        }
    }

    /**
     * Copies {@code in} to {@code out} and returns the lower-case hex SM3 of the bytes, computed while copying
     * (the same digest as {@link Sm3#hashHex(byte[])}, without holding the file in memory).
     */
    public static String copyWithSm3(InputStream in, OutputStream out) throws IOException {
        SM3Digest digest = new SM3Digest();
        byte[] buf = new byte[64 * 1024];
        int n;
        while ((n = in.read(buf)) > 0) {
            digest.update(buf, 0, n);
            out.write(buf, 0, n);
        }
        byte[] hash = new byte[Sm3.DIGEST_LENGTH];
        digest.doFinal(hash, 0);
        return Hex.toHexString(hash);
    }
}
