package cn.heatdesk.kernel.signing;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.List;

/** Management reads of integration apps, limited to the viewer's data scope by the central interceptor. */
@Mapper
@DataScoped(alias = "a")
public interface IntegrationAppMapper {

    List<IntegrationApp> selectPage(@Param("pattern") String likePattern, @Param("orderBy") String orderBy);

    IntegrationApp selectById(@Param("id") long id);
}
