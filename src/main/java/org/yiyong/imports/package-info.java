/**
 * Imports: the city's existing Excel registers (台账) brought into Yiyong. A register is offered by the module
 * that owns its records ({@link org.yiyong.imports.ImportRegister}); this module gives each a template, reads an
 * upload as a stream, checks every row with the owner's rules (after normalising what dirty real data does to
 * numbers, dates and amounts, {@link org.yiyong.imports.Cells}), keeps a check report, saves the valid rows on
 * confirmation — all or none — and undoes an import as a whole.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Imports",
        allowedDependencies = {"audit", "identity", "shared", "web"})
package org.yiyong.imports;
