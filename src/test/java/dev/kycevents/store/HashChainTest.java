package dev.kycevents.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HashChainTest {

    static final UUID EVENT = UUID.fromString("550e8400-e29b-41d4-a716-446655440000");
    static final UUID USER = UUID.fromString("550e8400-e29b-41d4-a716-446655440001");
    static final UUID SESSION = UUID.fromString("550e8400-e29b-41d4-a716-446655440002");
    static final Instant OCCURRED = Instant.parse("2025-06-19T17:14:13.123Z");
    static final Instant RECORDED = Instant.parse("2025-06-19T17:14:14.000001Z");
    static final byte[] BODY = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);

    static byte[] hash(byte[] prev, long position, byte[] body) {
        return HashChain.hash(prev, position, EVENT, "kyc_session_manual_review", USER, SESSION, OCCURRED, RECORDED,
                "ralio-webhook", "application/json", body);
    }

    @Test
    void hash_is_sha256_of_prev_hash_then_documented_header_then_raw_body() throws Exception {
        String header = "kyc-event-v1\n7\n" + EVENT + "\nkyc_session_manual_review\n" + USER + "\n" + SESSION + "\n"
                + "1750353253123000\n1750353254000001\nralio-webhook\napplication/json\n8\n";
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(HashChain.GENESIS);
        sha.update(header.getBytes(StandardCharsets.UTF_8));
        sha.update(BODY);
        assertArrayEquals(sha.digest(), hash(HashChain.GENESIS, 7, BODY));
    }

    @Test
    void any_change_of_content_or_link_changes_the_hash() {
        byte[] original = hash(HashChain.GENESIS, 1, BODY);
        byte[] otherBody = hash(HashChain.GENESIS, 1, "{\"id\":2}".getBytes(StandardCharsets.UTF_8));
        byte[] otherPosition = hash(HashChain.GENESIS, 2, BODY);
        byte[] otherLink = hash(original, 1, BODY);
        assertFalse(Arrays.equals(original, otherBody));
        assertFalse(Arrays.equals(original, otherPosition));
        assertFalse(Arrays.equals(original, otherLink));
    }

    // The expected hashes were computed outside Java, from the documented header with an empty session line:
    // (head -c 32 /dev/zero; printf 'kyc-event-v1\n1\n<event>\nkyc_state_updated\n<user>\n\n1750353253123000\n
    // 1750353254000001\nralio-webhook\napplication/json\n8\n{"id":1}') | sha256sum, and likewise for version 2.
    @Test
    void a_missing_session_hashes_as_an_empty_line() throws Exception {
        byte[] without = HashChain.hash(HashChain.GENESIS, 1, EVENT, "kyc_state_updated", USER, null, OCCURRED,
                RECORDED, "ralio-webhook", "application/json", BODY);
        assertEquals("ca3adebdecae99ff76e4739fa6b2ed5ea2a80929c22cf1e7edc89e6c053a815b", HashChain.hex(without));

        String header = "kyc-event-v1\n1\n" + EVENT + "\nkyc_state_updated\n" + USER + "\n\n"
                + "1750353253123000\n1750353254000001\nralio-webhook\napplication/json\n8\n";
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(HashChain.GENESIS);
        sha.update(header.getBytes(StandardCharsets.UTF_8));
        sha.update(BODY);
        assertArrayEquals(sha.digest(), without);
    }

    @Test
    void a_missing_session_hashes_as_an_empty_line_in_version_2() {
        byte[] digest = HashChain.bodyDigest(BODY);
        assertEquals("037c9214eef74cc3887f3a4f085b4e17d76280dafd273b0ee160c09c4ba1cfd4", HashChain.hex(digest));
        byte[] without = HashChain.hashV2(HashChain.GENESIS, 1, EVENT, "kyc_state_updated", USER, null, OCCURRED,
                RECORDED, "ralio-webhook", "application/json", digest);
        assertEquals("eca758a7e1923eacc0901fe05cc7b0ee08e195c656c904d4e1b26d87ff31e0ac", HashChain.hex(without));
    }

    @Test
    void hash_of_a_row_recomputes_its_stored_hash() {
        byte[] h = hash(HashChain.GENESIS, 1, BODY);
        EventRow row = new EventRow(1, EVENT, "kyc_session_manual_review", USER, SESSION, OCCURRED, RECORDED,
                "ralio-webhook", "application/json", "{}", BODY, h, HashChain.GENESIS);
        assertArrayEquals(h, HashChain.hashOf(row));
    }

    @Test
    void instants_are_cut_to_microseconds_like_postgresql() {
        assertEquals(Instant.parse("2025-01-01T00:00:00.123456Z"),
                HashChain.toMicros(Instant.parse("2025-01-01T00:00:00.123456789Z")));
    }

    @Test
    void microseconds_since_the_epoch_hold_every_instant_intake_accepts() {
        assertEquals(1750353253123000L, HashChain.epochMicros(OCCURRED));
        assertEquals(-1L, HashChain.epochMicros(Instant.parse("1969-12-31T23:59:59.999999Z")));
        assertEquals(253402300799999999L, HashChain.epochMicros(Instant.parse("9999-12-31T23:59:59.999999Z")));
        assertEquals(-62135596800000000L, HashChain.epochMicros(Instant.parse("0001-01-01T00:00:00Z")));
        // Past the range of nanoseconds in a long, where MICROS.between overflows.
        assertEquals(9223372037000000L, HashChain.epochMicros(Instant.parse("2262-04-11T23:47:17Z")));
        assertEquals(-9223372037000000L, HashChain.epochMicros(Instant.parse("1677-09-21T00:12:43Z")));
    }
}
