package cn.heatdesk.baseinfo.household;

import cn.heatdesk.kernel.crypto.EncryptedColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** Customers' ID numbers and every stored phone number are SM4-encrypted and take part in key rotation. */
@Configuration(proxyBeanMethods = false)
class BaseinfoEncryptedColumns {

    @Bean
    EncryptedColumns customerIdNumbers() {
        return new EncryptedColumns("bi_customer", "id", List.of("id_number_enc"));
    }

    @Bean
    EncryptedColumns customerPhones() {
        return new EncryptedColumns("bi_customer_phone", "id", List.of("phone_enc"));
    }

    @Bean
    EncryptedColumns blacklistPhones() {
        return new EncryptedColumns("bi_blacklist", "id", List.of("phone_enc"));
    }
}
