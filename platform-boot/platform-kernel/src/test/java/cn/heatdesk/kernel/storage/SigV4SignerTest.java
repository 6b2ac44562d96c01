package cn.heatdesk.kernel.storage;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The worked examples AWS publishes for Signature Version 4 — expected values are AWS's, not computed by us:
 * the S3 API reference "Signature Calculations for the Authorization Header: Transferring Payload in a Single Chunk"
 * (GET Object, PUT Object, GET Bucket Lifecycle, GET Bucket (List Objects)) and the IAM example of the general
 * reference (GET ListUsers, with its documented canonical-request hash and derived signing key).
 */
class SigV4SignerTest {

    private static final String S3_ACCESS = "AKIAIOSFODNN7EXAMPLE";
    private static final String S3_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final Instant S3_TIME = Instant.parse("2013-05-24T00:00:00Z");
    private static final String S3_HOST = "examplebucket.s3.amazonaws.com";
    private final SigV4Signer s3 = new SigV4Signer(S3_ACCESS, S3_SECRET, "us-east-1", "s3");

    @Test
    void s3GetObjectExample() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", S3_HOST);
        headers.put("Range", "bytes=0-9");
        headers.put("x-amz-content-sha256", SigV4Signer.EMPTY_SHA256);
        headers.put("x-amz-date", "20130524T000000Z");

        SigV4Signer.Signed signed = s3.sign("GET", "/test.txt", Map.of(), headers, SigV4Signer.EMPTY_SHA256, S3_TIME);

        assertThat(signed.canonicalRequest()).isEqualTo("""
                GET
                /test.txt

                host:examplebucket.s3.amazonaws.com
                range:bytes=0-9
                x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                x-amz-date:20130524T000000Z

                host;range;x-amz-content-sha256;x-amz-date
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855""");
        assertThat(signed.stringToSign()).isEqualTo("""
                AWS4-HMAC-SHA256
                20130524T000000Z
                20130524/us-east-1/s3/aws4_request
                7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972""");
        assertThat(signed.signature()).isEqualTo("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
        assertThat(signed.authorization()).isEqualTo("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    }

    @Test
    void s3PutObjectExampleWithReservedCharacterInTheKey() {
        String payloadHash = SigV4Signer.sha256Hex("Welcome to Amazon S3.".getBytes(StandardCharsets.UTF_8));
        assertThat(payloadHash).isEqualTo("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
        String path = "/" + SigV4Signer.uriEncode("test$file.text", false);
        assertThat(path).isEqualTo("/test%24file.text");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Date", "Fri, 24 May 2013 00:00:00 GMT");
        headers.put("Host", S3_HOST);
        headers.put("x-amz-storage-class", "REDUCED_REDUNDANCY");
        headers.put("x-amz-content-sha256", payloadHash);

        SigV4Signer.Signed signed = s3.sign("PUT", path, Map.of(), headers, payloadHash, S3_TIME);

        assertThat(signed.signedHeaders()).isEqualTo("date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class");
        assertThat(signed.stringToSign()).startsWith("AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n");
        assertThat(signed.signature()).isEqualTo("98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
    }

    @Test
    void s3BucketLifecycleExampleQueryWithoutValue() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("lifecycle", "");
        SigV4Signer.Signed signed = s3.sign("GET", "/", query, Map.of("host", S3_HOST,
                "x-amz-content-sha256", SigV4Signer.EMPTY_SHA256), SigV4Signer.EMPTY_SHA256, S3_TIME);
        assertThat(signed.canonicalRequest()).startsWith("GET\n/\nlifecycle=\n");
        assertThat(signed.signature()).isEqualTo("fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
    }

    @Test
    void s3ListObjectsExampleSortsTheQuery() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("prefix", "J");
        query.put("max-keys", "2");
        SigV4Signer.Signed signed = s3.sign("GET", "/", query, Map.of("host", S3_HOST,
                "x-amz-content-sha256", SigV4Signer.EMPTY_SHA256), SigV4Signer.EMPTY_SHA256, S3_TIME);
        assertThat(signed.canonicalRequest()).startsWith("GET\n/\nmax-keys=2&prefix=J\n");
        assertThat(signed.signature()).isEqualTo("34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
    }

    @Test
    void iamListUsersExampleOfTheGeneralReference() {
        SigV4Signer iam = new SigV4Signer("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "us-east-1", "iam");
        Map<String, String> query = new LinkedHashMap<>();
        query.put("Action", "ListUsers");
        query.put("Version", "2010-05-08");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "iam.amazonaws.com");
        headers.put("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        headers.put("X-Amz-Date", "20150830T123600Z");

        SigV4Signer.Signed signed = iam.sign("GET", "/", query, headers, SigV4Signer.EMPTY_SHA256,
                Instant.parse("2015-08-30T12:36:00Z"));

        assertThat(signed.canonicalRequest()).isEqualTo("""
                GET
                /
                Action=ListUsers&Version=2010-05-08
                content-type:application/x-www-form-urlencoded; charset=utf-8
                host:iam.amazonaws.com
                x-amz-date:20150830T123600Z

                content-type;host;x-amz-date
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855""");
        assertThat(SigV4Signer.sha256Hex(signed.canonicalRequest().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59");
        assertThat(HexFormat.of().formatHex(iam.signingKey("20150830")))
                .isEqualTo("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9");
        assertThat(signed.authorization()).isEqualTo("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date, "
                + "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
    }

    @Test
    void headerValuesAreTrimmedAndSpacesCollapsed() {
        assertThat(SigV4Signer.normaliseHeaderValue("  a   b  c ")).isEqualTo("a b c");
    }

    @Test
    void uriEncodingFollowsTheSigV4Rules() {
        assertThat(SigV4Signer.uriEncode("a b/中~_.-*+=", false)).isEqualTo("a%20b/%E4%B8%AD~_.-%2A%2B%3D");
        assertThat(SigV4Signer.uriEncode("a/b", true)).isEqualTo("a%2Fb");
    }

    @Test
    void theHostHeaderMustBeSigned() {
        assertThatThrownBy(() -> s3.sign("GET", "/", Map.of(), Map.of(), SigV4Signer.EMPTY_SHA256, S3_TIME))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSecretNeverAppearsInToString() {
        assertThat(s3.toString()).doesNotContain(S3_SECRET);
    }
}
