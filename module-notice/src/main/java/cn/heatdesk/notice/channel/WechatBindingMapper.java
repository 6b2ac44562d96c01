package cn.heatdesk.notice.channel;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** nt_wechat_binding: which official-account openid belongs to a user. */
@Mapper
public interface WechatBindingMapper {

    String selectOpenid(@Param("userId") long userId);
}
