package cn.heatdesk.kernel.print;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;

/** {@code heatdesk.print.*}: the CJK font of generated PDFs. See docs/storage.md. */
@ConfigurationProperties(prefix = "heatdesk.print")
public class PrintProperties {

    /** path of a TrueType font (.ttf/.ttc/.otf with TrueType outlines) with Chinese glyphs; searched for when empty */
    private String font;
    /** extra directories to search before the system font directories */
    private List<String> fontDirs = new ArrayList<>();

    public String getFont() { return font; }
    public void setFont(String font) { this.font = font; }
    public List<String> getFontDirs() { return fontDirs; }
    public void setFontDirs(List<String> fontDirs) { this.fontDirs = fontDirs; }
}
