package cn.heatdesk.settings.user;

import cn.heatdesk.kernel.crypto.EncryptedColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** Users' phone numbers are SM4-encrypted and take part in key rotation. */
@Configuration(proxyBeanMethods = false)
class UserEncryptedColumns {

    @Bean
    EncryptedColumns userPhones() {
        return new EncryptedColumns("sys_user", "id", List.of("phone_enc"));
    }
}
