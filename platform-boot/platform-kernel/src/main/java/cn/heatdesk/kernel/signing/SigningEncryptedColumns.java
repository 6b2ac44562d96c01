package cn.heatdesk.kernel.signing;

import cn.heatdesk.kernel.crypto.EncryptedColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** Integration app secrets are SM4-encrypted and take part in key rotation. */
@Configuration(proxyBeanMethods = false)
class SigningEncryptedColumns {

    @Bean
    EncryptedColumns integrationAppSecrets() {
        return new EncryptedColumns("integration_app", "id", List.of("secret_enc"));
    }
}
