package cn.heatdesk.settings.auth;

import java.util.List;
import java.util.Set;

/** The console menu tree a set of permissions opens. */
public interface MenuProvider {
    List<?> menusFor(Set<String> permissions);
}
