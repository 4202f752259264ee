package dev.kycevents.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ErasureOrderTest {

    @Test
    void every_user_is_in_exactly_one_batch_of_at_most_the_batch_size() {
        Random random = new Random(7);
        for (int n : new int[] {0, 1, 2, 3, 199, 200, 201, 399, 400, 401, 1234}) {
            List<Long> users = new ArrayList<>(IntStream.range(0, n).mapToObj(i -> (long) i * 3).toList());
            Collections.shuffle(users, random);
            List<List<Long>> batches = ErasureOrder.batches(users, Long::longValue, 200);
            List<Long> all = new ArrayList<>();
            batches.forEach(batch -> {
                assertTrue(!batch.isEmpty() && batch.size() <= 200, "size " + batch.size());
                all.addAll(batch);
            });
            Collections.sort(all);
            Collections.sort(users);
            assertEquals(users, all, n + " users");
        }
    }

    @Test
    void users_go_by_their_first_event_every_other_one_in_a_batch() {
        List<Integer> firstPositions = IntStream.rangeClosed(1, 8).boxed().toList();
        List<Integer> shuffled = new ArrayList<>(firstPositions);
        Collections.shuffle(shuffled, new Random(3));

        assertEquals(List.of(List.of(1, 3), List.of(2, 4), List.of(5, 7), List.of(6, 8)),
                ErasureOrder.batches(shuffled, Integer::longValue, 2));
    }
}
