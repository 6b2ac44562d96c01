package cn.heatdesk.repair.mobile.device;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDateTime;
import java.util.List;

/**
 * rp_device and rp_device_request. The console's lists and the approvals read in the caller's data scope (the
 * user's station path); login, the per-request device check and the push lock read unscoped.
 */
@Mapper
@DataScoped(creatorColumn = "")
public interface DeviceMapper {

    @DataScoped(ignore = true)
    Device selectByUser(@Param("userId") long userId);

    /** the binding locked: pushes of one user queue here, and binding changes wait for a running command */
    @DataScoped(ignore = true)
    Device selectByUserForUpdate(@Param("userId") long userId);

    Device selectByUserScoped(@Param("userId") long userId);

    List<Device> list(@Param("userId") Long userId, @Param("keyword") String keyword);

    void insert(Device d);

    int touch(@Param("userId") long userId, @Param("at") LocalDateTime at);

    int rebind(@Param("userId") long userId, @Param("deviceId") String deviceId, @Param("deviceName") String deviceName,
               @Param("platform") String platform, @Param("at") LocalDateTime at, @Param("by") long by);

    int updateLastSeq(@Param("userId") long userId, @Param("lastSeq") long lastSeq);

    int delete(@Param("userId") long userId);

    // ---- re-binding requests

    @DataScoped(ignore = true)
    List<DeviceRequest> selectPendingOfUser(@Param("userId") long userId);

    DeviceRequest selectRequest(@Param("id") long id);

    List<DeviceRequest> listRequests(@Param("status") String status, @Param("userId") Long userId);

    void insertRequest(DeviceRequest r);

    int decide(@Param("id") long id, @Param("status") String status, @Param("by") Long by, @Param("byName") String byName,
               @Param("at") LocalDateTime at, @Param("note") String note);
}
