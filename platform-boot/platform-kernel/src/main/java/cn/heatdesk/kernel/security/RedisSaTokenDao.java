package cn.heatdesk.kernel.security;

import cn.dev33.satoken.dao.auto.SaTokenDaoByObjectFollowString;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Sa-Token session store in Redis, for several HeatDesk instances behind a load balancer
 * ({@code heatdesk.session.store=redis}). Objects are serialised by Sa-Token's serializer into strings.
 */
public class RedisSaTokenDao implements SaTokenDaoByObjectFollowString {

    private final StringRedisTemplate redis;

    public RedisSaTokenDao(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public String get(String key) {
        return redis.opsForValue().get(key);
    }

    @Override
    public void set(String key, String value, long timeout) {
        if (timeout == 0 || timeout <= NOT_VALUE_EXPIRE) {
            return;
        }
        if (timeout == NEVER_EXPIRE) {
            redis.opsForValue().set(key, value);
        } else {
            redis.opsForValue().set(key, value, timeout, TimeUnit.SECONDS);
        }
    }

    @Override
    public void update(String key, String value) {
        long expire = getTimeout(key);
        if (expire == NOT_VALUE_EXPIRE) {
            return;
        }
        set(key, value, expire);
    }

    @Override
    public void delete(String key) {
        redis.delete(key);
    }

    @Override
    public long getTimeout(String key) {
        Long ttl = redis.getExpire(key, TimeUnit.SECONDS);
        if (ttl == null || ttl == -2) {
            return NOT_VALUE_EXPIRE;
        }
        return ttl == -1 ? NEVER_EXPIRE : ttl;
    }

    @Override
    public void updateTimeout(String key, long timeout) {
        if (timeout == NEVER_EXPIRE) {
            if (getTimeout(key) != NEVER_EXPIRE) {
                redis.persist(key);
            }
            return;
        }
        redis.expire(key, timeout, TimeUnit.SECONDS);
    }

    @Override
    public List<String> searchData(String prefix, String keyword, int start, int size, boolean sortType) {
        Set<String> keys = redis.keys(prefix + "*" + keyword + "*");
        List<String> list = keys == null ? new ArrayList<>() : new ArrayList<>(keys);
        Collections.sort(list);
        if (!sortType) {
            Collections.reverse(list);
        }
        int from = Math.max(0, Math.min(start, list.size()));
        int to = size < 0 ? list.size() : Math.min(list.size(), from + size);
        return list.subList(from, to);
    }
}
