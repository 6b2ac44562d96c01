package cn.heatdesk.callcenter.gateway;

import cn.heatdesk.kernel.crypto.EncryptedColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** Gateway AMI secrets and phone SIP passwords are SM4-encrypted and take part in key rotation. */
@Configuration(proxyBeanMethods = false)
class CallcenterEncryptedColumns {

    @Bean
    EncryptedColumns callcenterGatewaySecrets() {
        return new EncryptedColumns("cc_gateway", "id", List.of("ami_secret_enc"));
    }

    @Bean
    EncryptedColumns callcenterPhoneSecrets() {
        return new EncryptedColumns("cc_phone", "id", List.of("sip_secret_enc"));
    }
}
