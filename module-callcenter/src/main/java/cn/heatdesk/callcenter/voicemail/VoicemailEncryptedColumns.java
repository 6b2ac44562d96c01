package cn.heatdesk.callcenter.voicemail;

import cn.heatdesk.kernel.crypto.EncryptedColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The callers' numbers of messages are SM4-encrypted and take part in key rotation. */
@Configuration(proxyBeanMethods = false)
class VoicemailEncryptedColumns {

    @Bean
    EncryptedColumns callcenterVoicemailCallers() {
        return new EncryptedColumns("cc_voicemail", "id", List.of("caller_enc"));
    }
}
