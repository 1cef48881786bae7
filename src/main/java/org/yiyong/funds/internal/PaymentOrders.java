package org.yiyong.funds.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.yiyong.funds.PaymentSource;

/** Payment orders, within a data scope. */
public interface PaymentOrders extends JpaRepository<PaymentOrder, Long> {

    Optional<PaymentOrder> findByIdAndRegionCodeIn(long id, Collection<String> regionCodes);

    Optional<PaymentOrder> findBySourceAndSourceRef(String source, String sourceRef);

    /** The order another module asked for, if the funds have made it. */
    default Optional<PaymentOrder> findBySource(PaymentSource source) {
        return findBySourceAndSourceRef(source.module(), source.reference());
    }

    Optional<PaymentOrder> findByIdempotencyKey(String key);

    List<PaymentOrder> findByBatchIdOrderById(long batchId);

    org.springframework.data.domain.Page<PaymentOrder> findByBatchIdOrderById(long batchId,
            org.springframework.data.domain.Pageable page);

    List<PaymentOrder> findByPayeeSamaritanIdOrderByIdDesc(long samaritanId);
}
