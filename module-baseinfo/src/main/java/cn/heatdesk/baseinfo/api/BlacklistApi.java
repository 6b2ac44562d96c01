package cn.heatdesk.baseinfo.api;

import java.util.Optional;

/** For the call center: is this caller blacklisted right now (active and not expired)? */
public interface BlacklistApi {

    Optional<BlacklistHit> check(String phone);
}
