/**
 * Shared: value types every module uses, with no Spring in them (data scope, domain exceptions).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        allowedDependencies = {})
package org.yiyong.shared;
