package org.yiyong.funds;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Payment orders, within a data scope. */
public interface PaymentOrders extends JpaRepository<PaymentOrder, Long> {

    Optional<PaymentOrder> findByIdAndRegionCodeIn(long id, Collection<String> regionCodes);

    Optional<PaymentOrder> findBySourceAndSourceRef(PaymentOrder.Source source, String sourceRef);

    Optional<PaymentOrder> findByIdempotencyKey(String key);

    List<PaymentOrder> findByBatchIdOrderById(long batchId);

    List<PaymentOrder> findByPayeeSamaritanIdOrderByIdDesc(long samaritanId);
}
