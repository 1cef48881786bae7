// On a phone a list table (.yy-cards) shows each row as a card: every cell says which column it is, from the
// table's header, so the cards read without the header row. Done again for rows htmx brings in.
(function () {
  function label(root) {
    root.querySelectorAll('table.yy-cards').forEach(function (table) {
      var heads = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
        return th.textContent.trim();
      });
      table.querySelectorAll('tbody tr').forEach(function (row) {
        Array.prototype.forEach.call(row.children, function (cell, i) {
          if (!cell.hasAttribute('data-label') && heads[i] && !cell.hasAttribute('colspan')) {
            cell.setAttribute('data-label', heads[i]);
          }
        });
      });
    });
  }
  document.addEventListener('DOMContentLoaded', function () { label(document); });
  document.addEventListener('htmx:afterSwap', function (event) { label(event.target.closest('table') || event.target); });
})();
