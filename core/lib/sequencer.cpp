#include "sequencer.hpp"

namespace stukwerk::core {

Sequencer::Sequencer(Publisher& publisher, std::size_t window, bool stream_at_head)
    : publisher_(publisher), window_(window == 0 ? 1 : window), stream_at_head_(stream_at_head) {}

bool Sequencer::may_start(std::size_t index) {
    std::lock_guard lock(mutex_);
    return index < next_ + window_;
}

void Sequencer::wait_to_start(std::size_t index) {
    std::unique_lock lock(mutex_);
    turn_.wait(lock, [&] { return index < next_ + window_; });
}

void Sequencer::flush_documents(Pending& p) {
    for (const Document& d : p.documents) {
        std::string error = publisher_.aggregate(d);
        if (!error.empty()) p.errors.push_back(std::move(error));
    }
    p.documents.clear();
}

void Sequencer::document(std::size_t index, Document doc) {
    std::lock_guard lock(mutex_);
    Pending& p = pending_[index];
    p.documents.push_back(std::move(doc));
    if (stream_at_head_ && index == next_) flush_documents(p);
}

void Sequencer::complete(std::size_t index, std::vector<StagedFile> staged, InputReport report, bool keep_documents) {
    {
        std::lock_guard lock(mutex_);
        Pending& p = pending_[index];
        p.done = true;
        p.staged = std::move(staged);
        p.report = std::move(report);
        if (!keep_documents) p.documents.clear();
        drain();
    }
    turn_.notify_all();
}

void Sequencer::drain() {
    for (auto it = pending_.find(next_); it != pending_.end(); it = pending_.find(next_)) {
        Pending& p = it->second;
        if (!p.done) {
            if (stream_at_head_) flush_documents(p);
            return;
        }
        flush_documents(p);
        for (std::string& e : p.errors) {
            p.report.status = InputStatus::failed;
            p.report.error = p.report.error.empty() ? e : p.report.error + "; " + e;
        }
        publisher_.publish(p.staged, p.report);
        discard(p.staged);  // whatever publish did not put in place
        pending_.erase(it);
        ++next_;
    }
}

}  // namespace stukwerk::core
