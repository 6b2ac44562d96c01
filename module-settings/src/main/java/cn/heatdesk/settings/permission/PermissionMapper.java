package cn.heatdesk.settings.permission;

import org.apache.ibatis.annotations.Mapper;

import java.util.List;

@Mapper
public interface PermissionMapper {

    /** by sort order */
    List<SysPermission> listAll();

    int insert(SysPermission p);

    /** by perm_code */
    int update(SysPermission p);
}
