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

    /** A batch's orders, those waiting whose source was withdrawn ({@code note}) first, then by id. */
    @org.springframework.data.jpa.repository.Query(value = """
            select o from PaymentOrder o where o.batchId = :batch
            order by case when o.status = :waiting and o.failureReason like :note then 0 else 1 end, o.id""",
            countQuery = "select count(o) from PaymentOrder o where o.batchId = :batch")
    org.springframework.data.domain.Page<PaymentOrder> inBatchWithdrawnFirst(long batch, PaymentOrder.Status waiting,
            String note,
            org.springframework.data.domain.Pageable page);

    List<PaymentOrder> findByPayeeSamaritanIdOrderByIdDesc(long samaritanId);
}
