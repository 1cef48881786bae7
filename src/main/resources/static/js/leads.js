// The public lead form: says at once, before sending, when too many files or too large ones are chosen.
document.addEventListener('DOMContentLoaded', function () {
  var input = document.getElementById('files');
  var note = document.getElementById('files-check');
  if (!input || !note) {
    return;
  }
  input.addEventListener('change', function () {
    var megabyte = 1024 * 1024;
    var maxFiles = parseInt(input.dataset.maxFiles, 10);
    var maxBytes = parseFloat(input.dataset.maxMb) * megabyte;
    var maxTotal = parseFloat(input.dataset.maxTotalMb) * megabyte;
    var message = '';
    var total = 0;
    Array.prototype.forEach.call(input.files, function (file) {
      total += file.size;
      if (!message && file.size > maxBytes) {
        message = input.dataset.tooLarge + ' (' + file.name + ')';
      }
    });
    if (input.files.length > maxFiles) {
      message = input.dataset.tooMany;
    } else if (!message && total > maxTotal) {
      message = input.dataset.totalTooLarge;
    }
    note.textContent = message;
    note.hidden = !message;
  });
});
