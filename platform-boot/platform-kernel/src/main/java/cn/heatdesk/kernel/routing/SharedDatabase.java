package cn.heatdesk.kernel.routing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a service whose data is group-wide (org tree, users, roles, settings, audit chain): it always reads and
 * writes the shared database, even inside a request of a subsidiary that has its own database.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SharedDatabase {
}
