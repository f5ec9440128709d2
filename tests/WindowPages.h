#pragma once

#include "MainWindow.h"
#include "Page.h"

/// The window's page of type T (the first, when several share a type), or nullptr: how the window tests reach a page.
template <typename T>
T *page(showdown::MainWindow &window)
{
    for (showdown::Page *candidate : window.pages()) {
        if (auto *typed = qobject_cast<T *>(candidate))
            return typed;
    }
    return nullptr;
}
