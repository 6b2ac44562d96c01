package cn.heatdesk.kernel.crypto;

import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;
import cn.heatdesk.kernel.security.PermissionCodes;
import cn.heatdesk.kernel.security.SecurityContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTest {

    @Test
    void phone() {
        assertThat(Masking.phone("13812341234")).isEqualTo("138****1234");
        assertThat(Masking.phone("010-12345678")).isEqualTo("010****5678");
        assertThat(Masking.phone("12345")).isEqualTo("****5");
        assertThat(Masking.phone("1")).isEqualTo("*");
        assertThat(Masking.phone(null)).isNull();
        assertThat(Masking.phone("")).isEmpty();
    }

    @Test
    void idNumber() {
        assertThat(Masking.idNumber("110101199001011234")).isEqualTo("1101**********1234");
        assertThat(Masking.idNumber("11010119900101123X")).isEqualTo("1101**********123X");
        assertThat(Masking.idNumber("110101900101123")).isEqualTo("1101*******1123");
        assertThat(Masking.idNumber("1234")).isEqualTo("***4");
    }

    @Test
    void name() {
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name("欧阳修")).isEqualTo("欧**");
        assertThat(Masking.name("张")).isEqualTo("*");
        assertThat(Masking.name("𠀋三")).isEqualTo("𠀋*"); // supplementary character kept whole
    }

    @Test
    void address() {
        assertThat(Masking.address("北京市朝阳区建国路1号院3号楼")).isEqualTo("北京市朝阳区****");
        assertThat(Masking.address("北京市朝阳区")).isEqualTo("北京市****");
        assertThat(Masking.mask("北京", MaskType.ADDRESS)).isEqualTo("北****");
    }

    record CustomerView(String name, @Masked(MaskType.PHONE) String phone, @Masked(MaskType.ID_NUMBER) String idNo,
                        @Masked(MaskType.NAME) String contact, @Masked(MaskType.ADDRESS) String address,
                        @Masked(MaskType.PHONE) String missing) {
    }

    @Test
    void jacksonMasksUnlessUserMayUnmask() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        CustomerView v = new CustomerView("王五", "13812341234", "110101199001011234", "张三",
                "北京市朝阳区建国路1号院", null);

        String anonymous = mapper.writeValueAsString(v);
        assertThat(anonymous).contains("\"phone\":\"138****1234\"", "\"idNo\":\"1101**********1234\"",
                "\"contact\":\"张*\"", "\"address\":\"北京市朝阳区****\"", "\"name\":\"王五\"", "\"missing\":null");

        String plainUser = SecurityContext.callAs(user(Set.of("customer:view")), () -> write(mapper, v));
        assertThat(plainUser).contains("138****1234").doesNotContain("13812341234");

        String unmasker = SecurityContext.callAs(user(Set.of(PermissionCodes.UNMASK)), () -> write(mapper, v));
        assertThat(unmasker).contains("\"phone\":\"13812341234\"", "\"idNo\":\"110101199001011234\"", "\"contact\":\"张三\"");

        String admin = SecurityContext.callAs(user(Set.of("*")), () -> write(mapper, v));
        assertThat(admin).contains("13812341234");
    }

    private static String write(ObjectMapper m, Object o) {
        try {
            return m.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static CurrentUser user(Set<String> permissions) {
        return new CurrentUser(7L, "tester", "测试员", 1L, 10L, "/1/10/", DataScope.ALL, List.of(), permissions, Set.of());
    }
}
