package cn.heatdesk.callcenter.ivr;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.List;

/** cc_ivr_*; console reads of menus are scoped, the FastAGI script and child rows read unscoped by menu id. */
@Mapper
@DataScoped(alias = "m")
public interface IvrMapper {

    List<IvrRows.Menu> list(@Param("gatewayId") Long gatewayId);

    IvrRows.Menu selectById(@Param("id") long id);

    @DataScoped(ignore = true)
    IvrRows.Menu selectByHotline(@Param("gatewayId") long gatewayId, @Param("hotline") String hotline);

    /** enabled menus of a hotline on any gateway (the script without a gateway code) */
    @DataScoped(ignore = true)
    List<IvrRows.Menu> selectEnabledByHotline(@Param("hotline") String hotline);

    @DataScoped(ignore = true)
    List<IvrRows.Node> nodes(@Param("menuId") long menuId);

    @DataScoped(ignore = true)
    List<IvrRows.Key> keys(@Param("menuId") long menuId);

    @DataScoped(ignore = true)
    List<IvrRows.Time> times(@Param("menuId") long menuId);

    void insertMenu(IvrRows.Menu m);

    /** everything but gateway and creation; optimistic lock */
    int updateMenu(IvrRows.Menu m);

    int deleteMenu(@Param("id") long id);

    void insertNode(IvrRows.Node n);

    void insertKey(IvrRows.Key k);

    void insertTime(IvrRows.Time t);

    int deleteNodes(@Param("menuId") long menuId);

    int deleteKeys(@Param("menuId") long menuId);

    int deleteTimes(@Param("menuId") long menuId);

    /** the gateway's menus and their nodes, keys and times take its (new) subsidiary and org path */
    int updateOrgOfGateway(@Param("table") String table, @Param("gatewayId") long gatewayId,
                           @Param("subsidiaryId") long subsidiaryId, @Param("orgPath") String orgPath);
}
