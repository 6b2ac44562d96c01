package cn.heatdesk.kernel.datascope;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a MyBatis mapper (or one of its methods) whose SELECTs read business rows that must be limited to
 * the current user's data scope. {@link DataScopeInterceptor} adds the condition to the WHERE clause of the
 * table named by {@link #alias()}; the mapper's SQL never mentions scope itself.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface DataScoped {

    /** alias (or table name) of the scoped table in the FROM clause; empty = the first FROM table */
    String alias() default "";

    String subsidiaryColumn() default "subsidiary_id";

    String orgPathColumn() default "org_path";

    /** creator column for {@code SELF} scope; empty when the table has none (SELF then matches nothing) */
    String creatorColumn() default "created_by";

    /** put on a method of a scoped mapper to read unscoped (lookups the system itself needs) */
    boolean ignore() default false;
}
