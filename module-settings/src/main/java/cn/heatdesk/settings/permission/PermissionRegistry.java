package cn.heatdesk.settings.permission;

import cn.heatdesk.kernel.id.IdGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps sys_permission in step with the menus and buttons the modules declare in
 * {@code classpath*:heatdesk/permissions/<module>.json}: new codes are inserted, changed names / routes / order
 * updated, and rows no module declares any more are left alone (roles may still hold them) and logged.
 * <p>
 * Runs once all singletons exist, i.e. after Liquibase and before any ApplicationRunner (demo data), on every
 * instance; the upsert is idempotent, so instances starting together do no harm. A malformed or duplicate declaration
 * stops the start: it is a programming error. {@code heatdesk.permissions.sync-on-startup=false} turns it off.
 */
@Component
public class PermissionRegistry implements SmartInitializingSingleton, Ordered {

    private static final Logger log = LoggerFactory.getLogger(PermissionRegistry.class);

    public static final String LOCATION = "classpath*:heatdesk/permissions/*.json";
    static final Pattern CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9:_.\\-]{0,95}$");
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /** A declaration with the module (file name) it came from. */
    public record Declared(String module, String source, PermissionDeclaration declaration) {
    }

    /** What a sync did. */
    public record SyncResult(int inserted, int updated, int unchanged, List<String> undeclared) {
    }

    private final PermissionMapper mapper;
    private final IdGenerator ids;
    private final Environment env;

    public PermissionRegistry(PermissionMapper mapper, IdGenerator ids, Environment env) {
        this.mapper = mapper;
        this.ids = ids;
        this.env = env;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!env.getProperty("heatdesk.permissions.sync-on-startup", Boolean.class, true)) {
            log.info("permission sync on startup is off");
            return;
        }
        SyncResult r = sync();
        log.info("permissions synchronised: {} new, {} updated, {} unchanged, {} undeclared",
                r.inserted(), r.updated(), r.unchanged(), r.undeclared().size());
    }

    /** Reads every declaration file and upserts sys_permission; safe to call again (e.g. from demo-data setup). */
    public SyncResult sync() {
        List<Declared> declared = validate(load(new PathMatchingResourcePatternResolver(getClass().getClassLoader())));
        Map<String, SysPermission> existing = new LinkedHashMap<>();
        for (SysPermission p : mapper.listAll()) {
            existing.put(p.getPermCode(), p);
        }
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        Set<String> seen = new HashSet<>();
        for (Declared d : declared) {
            SysPermission want = toRow(d);
            seen.add(want.getPermCode());
            SysPermission have = existing.get(want.getPermCode());
            if (have == null) {
                want.setId(ids.nextId());
                try {
                    mapper.insert(want);
                    inserted++;
                } catch (DuplicateKeyException raced) {
                    // another instance inserted it first
                    mapper.update(want);
                    updated++;
                }
            } else if (!have.sameAs(want)) {
                mapper.update(want);
                updated++;
            } else {
                unchanged++;
            }
        }
        List<String> undeclared = existing.keySet().stream().filter(c -> !seen.contains(c)).sorted().toList();
        if (!undeclared.isEmpty()) {
            log.warn("permissions in sys_permission that no module declares (kept; remove them from roles if obsolete): {}", undeclared);
        }
        return new SyncResult(inserted, updated, unchanged, undeclared);
    }

    /** All declaration files on the classpath, in file-name order. */
    public static List<Declared> load(ResourcePatternResolver resolver) {
        Resource[] files;
        try {
            files = resolver.getResources(LOCATION);
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + LOCATION, e);
        }
        List<Resource> sorted = new ArrayList<>(List.of(files));
        sorted.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
        List<Declared> out = new ArrayList<>();
        for (Resource r : sorted) {
            String file = r.getFilename();
            if (file == null || !file.endsWith(".json")) {
                continue;
            }
            try (InputStream in = r.getInputStream()) {
                out.addAll(parse(file.substring(0, file.length() - ".json".length()), r.getDescription(), in));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read permission declarations " + r.getDescription() + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    static List<Declared> parse(String module, String source, InputStream in) throws IOException {
        List<PermissionDeclaration> list = JSON.readValue(in, new TypeReference<List<PermissionDeclaration>>() {
        });
        List<Declared> out = new ArrayList<>();
        for (PermissionDeclaration d : list) {
            out.add(new Declared(module, source, d));
        }
        return out;
    }

    /**
     * Checks the declarations of all modules together.
     *
     * @throws IllegalStateException on a malformed entry or a code declared twice
     */
    public static List<Declared> validate(List<Declared> all) {
        Map<String, Declared> byCode = new LinkedHashMap<>();
        for (Declared d : all) {
            PermissionDeclaration p = d.declaration();
            String where = d.source() + " (" + (p == null ? "null" : p.code()) + ")";
            if (p == null || p.code() == null || !CODE.matcher(p.code()).matches()) {
                throw new IllegalStateException("bad permission code in " + where);
            }
            if (p.name() == null || p.name().isBlank() || p.name().length() > 64) {
                throw new IllegalStateException("permission name missing or longer than 64 in " + where);
            }
            if (!"MENU".equals(p.kind()) && !"BUTTON".equals(p.kind())) {
                throw new IllegalStateException("permission kind must be MENU or BUTTON in " + where);
            }
            if (p.path() != null && p.path().length() > 255 || p.icon() != null && p.icon().length() > 64
                    || d.module().length() > 32) {
                throw new IllegalStateException("path, icon or module name too long in " + where);
            }
            Declared clash = byCode.put(p.code(), d);
            if (clash != null) {
                throw new IllegalStateException("permission " + p.code() + " declared twice: " + clash.source() + " and " + d.source());
            }
        }
        for (Declared d : all) {
            String parent = d.declaration().parent();
            if (parent != null && !parent.isBlank() && !byCode.containsKey(parent)) {
                log.warn("permission {} in {} names unknown parent {}; shown at the top level", d.declaration().code(), d.source(), parent);
            }
        }
        return all;
    }

    static SysPermission toRow(Declared d) {
        PermissionDeclaration p = d.declaration();
        SysPermission s = new SysPermission();
        s.setPermCode(p.code());
        s.setPermName(p.name().trim());
        s.setPermKind(p.kind());
        s.setParentCode(p.parent() == null || p.parent().isBlank() ? null : p.parent());
        s.setRoutePath(p.path() == null || p.path().isBlank() ? null : p.path());
        s.setIcon(p.icon() == null || p.icon().isBlank() ? null : p.icon());
        s.setModuleName(d.module());
        s.setSortNo(p.sort() == null ? 0 : p.sort());
        return s;
    }
}
