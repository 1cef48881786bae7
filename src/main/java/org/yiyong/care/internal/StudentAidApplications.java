package org.yiyong.care.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface StudentAidApplications extends JpaRepository<StudentAidApplication, Long> {

    List<StudentAidApplication> findBySamaritanIdOrderBySchoolYearDescIdDesc(long samaritanId);
}
